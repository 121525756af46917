import { pathToFileURL } from 'node:url';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { startMarketMock } from '../legacy-mocks/market/index.js';
import { MarketClient } from '../subgraphs/market/legacy/index.js';

/** How long the measurement runs, after a short warm-up, and how many calls are in flight. */
const DURATION_MS = 3_000;
const WARM_UP_MS = 300;
const CONCURRENCY = 8;
const ITEMS_PER_CALL = 50;

/**
 * Throughput of the enterprise registry's batch lookup (queryQyjbxx, SOAP) through the
 * subgraph's client: batches of 50 USCCs, 8 calls in flight, for about 3 s, over real HTTP on
 * loopback. The client and the mock share one process, so the figure covers both sides' XML work.
 */
export async function measureMarketMock(): Promise<{ name: string; callsPerSecond: number; itemsPerCall: number }> {
  const { companies } = loadDataSet();
  const mock = await startMarketMock({ port: 0 });
  const client = new MarketClient({ url: mock.url });
  // Distinct batches walking the register, so no call repeats the one before it.
  const batches = Array.from({ length: Math.floor(companies.length / ITEMS_PER_CALL) }, (_, index) =>
    companies.slice(index * ITEMS_PER_CALL, (index + 1) * ITEMS_PER_CALL).map((company) => company.uscc),
  );
  let next = 0;
  const run = async (until: number): Promise<number> => {
    let calls = 0;
    while (performance.now() < until) {
      const found = await client.getCompanies(batches[next++ % batches.length]!);
      if (found.size !== ITEMS_PER_CALL) throw new Error('the market mock answered an incomplete batch');
      calls += 1;
    }
    return calls;
  };
  try {
    const warmUpEnd = performance.now() + WARM_UP_MS;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => run(warmUpEnd)));
    const start = performance.now();
    const counts = await Promise.all(Array.from({ length: CONCURRENCY }, () => run(start + DURATION_MS)));
    const elapsedSeconds = (performance.now() - start) / 1000;
    const calls = counts.reduce((sum, count) => sum + count, 0);
    return { name: 'market mock: queryQyjbxx batch of 50 via MarketClient', callsPerSecond: Math.round(calls / elapsedSeconds), itemsPerCall: ITEMS_PER_CALL };
  } finally {
    client.close();
    await mock.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureMarketMock();
  console.log(`${result.name}: ${result.callsPerSecond} calls/s (${result.itemsPerCall} items per call, concurrency ${CONCURRENCY})`);
}
