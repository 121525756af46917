/**
 * `npm run bench:access-log`: what recording every access costs. The citizen dashboard under a
 * fixed concurrency for a fixed time, with the access log on (SQLite, the default) and off, in
 * one run; reported as a ratio (the machines are shared and noisy: compare within one run only).
 * The target: the log costs the dashboard at most 10% of its throughput.
 */
import os from 'node:os';
import { CitizenDashboardDocument } from '../examples/generated/operations.js';
import { startStack, type Stack } from '../test/harness.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8_000);
const WARM_UP_MS = 1_500;
const CONCURRENCY = 8;

async function load(stack: Stack, durationMs: number): Promise<number> {
  const citizens = stack.dataSet.residents
    .filter((resident) => resident.insurance?.status === 'ACTIVE')
    .slice(0, 50)
    .map((resident) => resident.id);
  let next = 0;
  let answered = 0;
  const until = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const response = await stack.query(
          CitizenDashboardDocument,
          { year: 2025 },
          { as: { kind: 'person', sub: citizens[next++ % citizens.length]! } },
        );
        if (response.errors) throw new Error(`the dashboard failed: ${JSON.stringify(response.errors).slice(0, 300)}`);
        answered += 1;
      }
    }),
  );
  return answered / (durationMs / 1000);
}

async function measure(withoutAccessLog: boolean): Promise<number> {
  const stack = await startStack({ withoutAccessLog });
  try {
    await load(stack, WARM_UP_MS);
    return await load(stack, DURATION_MS);
  } finally {
    await stack.close();
  }
}

// Alternate the two, twice, so a burst of noise on the machine does not land on one side only.
const on: number[] = [];
const off: number[] = [];
for (let round = 0; round < 2; round++) {
  off.push(await measure(true));
  on.push(await measure(false));
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const ratio = mean(on) / mean(off);
process.stdout.write(
  [
    `Citizen dashboard, ${CONCURRENCY} clients, ${DURATION_MS / 1000} s per run after ${WARM_UP_MS / 1000} s warm-up, 2 runs each, whole stack in one Node ${process.version} process on ${os.cpus().length} cores.`,
    '',
    '| access log | requests/s (runs) | mean | ratio to off |',
    '|---|---|---|---|',
    `| off | ${off.map((value) => value.toFixed(1)).join(', ')} | ${mean(off).toFixed(1)} | 1.00 |`,
    `| on (SQLite) | ${on.map((value) => value.toFixed(1)).join(', ')} | ${mean(on).toFixed(1)} | ${ratio.toFixed(2)} |`,
    '',
    `Throughput lost to the log: ${((1 - ratio) * 100).toFixed(1)}% (target: at most 10%).`,
    '',
  ].join('\n'),
);
