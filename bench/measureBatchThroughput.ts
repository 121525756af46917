/** How long a measurement runs and how many calls are in flight. */
export const DURATION_MS = 3_000;
export const CONCURRENCY = 8;

export interface BatchScenario {
  name: string;
  /** The keys to walk, in batches, so no call repeats the one before it. */
  keys: readonly string[];
  itemsPerCall: number;
  /** One legacy batch call through the subgraph's client; returns how many records came back. */
  call(batch: readonly string[]): Promise<number>;
  /** 'once-through' asks for every key once before measuring (for systems that build records on first request). */
  warmUp: 'once-through' | number;
}

export interface ThroughputResult {
  name: string;
  callsPerSecond: number;
  itemsPerCall: number;
}

/**
 * Calls per second of one legacy batch operation, CONCURRENCY calls in flight for DURATION_MS
 * after a warm-up, each answer checked to be complete (a fast wrong answer is no result).
 */
export async function measureBatchThroughput(scenario: BatchScenario): Promise<ThroughputResult> {
  const batches = Array.from({ length: Math.floor(scenario.keys.length / scenario.itemsPerCall) }, (_, index) =>
    scenario.keys.slice(index * scenario.itemsPerCall, (index + 1) * scenario.itemsPerCall),
  );
  let next = 0;
  const run = async (goOn: () => boolean): Promise<number> => {
    let calls = 0;
    while (goOn()) {
      const found = await scenario.call(batches[next++ % batches.length]!);
      if (found !== scenario.itemsPerCall) throw new Error(`${scenario.name}: an incomplete batch came back`);
      calls += 1;
    }
    return calls;
  };
  const inParallel = (goOn: () => boolean) => Promise.all(Array.from({ length: CONCURRENCY }, () => run(goOn)));
  const warmUpEnd = typeof scenario.warmUp === 'number' ? performance.now() + scenario.warmUp : 0;
  await inParallel(
    scenario.warmUp === 'once-through' ? () => next < batches.length : () => performance.now() < warmUpEnd,
  );
  const start = performance.now();
  const counts = await inParallel(() => performance.now() < start + DURATION_MS);
  const seconds = (performance.now() - start) / 1000;
  return {
    name: scenario.name,
    callsPerSecond: Math.round(counts.reduce((sum, count) => sum + count, 0) / seconds),
    itemsPerCall: scenario.itemsPerCall,
  };
}
