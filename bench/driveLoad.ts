import autocannon from 'autocannon';
import type { LoadRequest } from './contenders/index.js';

export interface LoadFigures {
  /** Answers with a 2xx status within the window. */
  answered: number;
  /** Non-2xx answers, connection errors and timeouts: a contender with any is not comparable. */
  failed: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends the scenario's requests from `connections` keep-alive connections for `seconds`, each
 * connection sending its next request when the answer arrives (autocannon): a fixed concurrency
 * for a fixed time, over loopback HTTP. Successive requests, across connections, take the
 * subjects in turn.
 */
export async function driveLoad(
  request: LoadRequest,
  options: { connections: number; seconds: number },
): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: request.url,
    method: request.method,
    requests: [
      {
        setupRequest: (raw) => {
          const variant = request.variants[next++ % request.variants.length]!;
          return { ...raw, method: request.method, headers: variant.headers, body: variant.body };
        },
      },
    ],
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const answered = result['2xx'];
  return {
    answered,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds,
    requestsPerSecond: answered / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
