import { pathToFileURL } from 'node:url';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { startSocialMock } from '../legacy-mocks/social/index.js';
import { SocialClient } from '../subgraphs/social/legacy/index.js';

/** How long the measurement runs and how many calls are in flight. */
const DURATION_MS = 3_000;
const CONCURRENCY = 8;
const ITEMS_PER_CALL = 50;

/**
 * Throughput of the social insurance system's batch lookup (CxCbryxx, SOAP with WS-Security)
 * through the subgraph's client: batches of 50 residents, 8 calls in flight, for about 3 s, over
 * real HTTP on loopback. The client and the mock share one process, so the figure covers both
 * sides' XML work. The warm-up asks for every resident once: the bureau builds each resident's
 * record (the balances sum every month paid) on first request and keeps it, as a long-running
 * system would have long done, so the figure is the steady state, not the first pass.
 */
export async function measureSocialMock(): Promise<{ name: string; callsPerSecond: number; itemsPerCall: number }> {
  const { residents } = loadDataSet();
  const mock = await startSocialMock({ port: 0 });
  const client = new SocialClient({ url: mock.url });
  // Distinct batches walking the population, so no call repeats the one before it.
  const batches = Array.from({ length: Math.floor(residents.length / ITEMS_PER_CALL) }, (_, index) =>
    residents.slice(index * ITEMS_PER_CALL, (index + 1) * ITEMS_PER_CALL).map((resident) => resident.id),
  );
  let next = 0;
  const run = async (until: number | (() => boolean)): Promise<number> => {
    let calls = 0;
    while (typeof until === 'number' ? performance.now() < until : until()) {
      const persons = await client.getPersons(batches[next++ % batches.length]!);
      if (persons.size !== ITEMS_PER_CALL) throw new Error('the social mock answered an incomplete batch');
      calls += 1;
    }
    return calls;
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, () => run(() => next < batches.length)));
    const start = performance.now();
    const counts = await Promise.all(Array.from({ length: CONCURRENCY }, () => run(start + DURATION_MS)));
    const elapsedSeconds = (performance.now() - start) / 1000;
    const calls = counts.reduce((sum, count) => sum + count, 0);
    return { name: 'social mock: CxCbryxx batch of 50 via SocialClient', callsPerSecond: Math.round(calls / elapsedSeconds), itemsPerCall: ITEMS_PER_CALL };
  } finally {
    client.close();
    await mock.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureSocialMock();
  console.log(`${result.name}: ${result.callsPerSecond} calls/s (${result.itemsPerCall} items per call, concurrency ${CONCURRENCY})`);
}
