/**
 * The gateway's own cost per request, profiled (issue 23): contender 1 (our gateway, everything
 * on) in its own process under `--cpu-prof`, the citizen dashboard at 0 ms legacy latency, then
 * its CPU per request and the top self-time entries, by place and by function. A short run of
 * the load benchmark's machinery (bench/runLoadBenchmark.ts), for before/after comparisons of
 * the gateway's code; `npm run bench` remains the full picture.
 *
 *   npx tsx bench/profileGateway.ts [scenario] [seconds]
 */
import { runLoadBenchmark, settingsFor } from './runLoadBenchmark.js';

const scenario = process.argv[2] ?? 'citizen-dashboard';
const seconds = Number(process.argv[3] ?? 5);
/** Entries of each table printed. */
const TOP = 15;

const results = await runLoadBenchmark(
  {
    ...settingsFor('quick'),
    contenders: [1],
    scenarios: [scenario],
    latencies: [0],
    growthSizes: [],
    hostileSeconds: null,
    oldCommit: null,
    appends: null,
    profile: true,
    warmUpSeconds: 2,
    windowSeconds: seconds,
  },
  (line) => console.error(line),
);
const cell = results.cells.find((found) => found.contender === 1);
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
console.log(
  `${scenario}, 0 ms: ${cell?.requestsPerSecond.toFixed(0)} req/s, gateway CPU ${cell?.cpuMsPerRequest.toFixed(2)} ms/request`,
);
console.log(`\nprofile (${Math.round(results.profile?.busyMs ?? 0)} ms busy), self time by place:`);
for (const line of results.profile?.byPlace.slice(0, TOP) ?? [])
  console.log(`  ${percent(line.share).padStart(7)}  ${line.where}`);
console.log('\nby function:');
for (const line of results.profile?.byFunction.slice(0, TOP) ?? [])
  console.log(`  ${percent(line.share).padStart(7)}  ${line.where}`);
