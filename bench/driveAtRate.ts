import autocannon from 'autocannon';
import type { LoadRequest } from './contenders/index.js';
import type { LoadFigures } from './driveLoad.js';

/**
 * Sends the scenario at a steady `rate` (autocannon's overallRate) from `connections`
 * connections for `seconds`, its subjects in turn: portal users arrive at their own pace, so the
 * latency measures what a neighbour does to them, not a queue they would build by themselves.
 */
export async function driveAtRate(
  request: LoadRequest,
  options: { rate: number; connections: number; seconds: number },
): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: request.url,
    method: request.method,
    requests: [{ setupRequest: (raw) => ({ ...raw, ...request.variants[next++ % request.variants.length]! }) }],
    connections: options.connections,
    overallRate: options.rate,
    duration: options.seconds,
    timeout: 30,
  });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    answered: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    seconds,
    requestsPerSecond: result['2xx'] / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** What a flood sent and how it was answered, by HTTP status. */
export interface FloodFigures {
  sent: number;
  byStatus: Record<string, number>;
  requestsPerSecond: number;
}

/** Sends the request's variants in turn, as fast as they are answered, from `connections` connections. */
export async function flood(
  request: {
    url: string;
    method?: 'GET' | 'POST';
    variants: ReadonlyArray<{ headers?: Record<string, string>; body?: string; path?: string }>;
  },
  options: { connections: number; seconds: number },
): Promise<FloodFigures> {
  let next = 0;
  const result = await autocannon({
    url: request.url,
    method: request.method ?? 'POST',
    requests: [{ setupRequest: (raw) => ({ ...raw, ...request.variants[next++ % request.variants.length]! }) }],
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, (stats as { count: number }).count]),
  );
  const sent = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  return { sent, byStatus, requestsPerSecond: sent / options.seconds };
}
