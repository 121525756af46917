/**
 * `npm run bench`: the load benchmark (issue 7), full, regenerating its section of
 * bench/RESULTS.md. `npm run bench:quick`: the same matrix with short windows, for development;
 * it writes bench/profiles/RESULTS.quick.md and leaves RESULTS.md alone.
 * `-- --save-baseline`: also keep this run as bench/baseline.json, the "before" of a change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderLoadResults } from './renderLoadResults.js';
import { runLoadBenchmark, settingsFor, type LoadBenchmarkResults } from './runLoadBenchmark.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const saveBaseline = process.argv.includes('--save-baseline');
const command = quick ? 'npm run bench:quick' : 'npm run bench';
const baselineFile = new URL('./baseline.json', import.meta.url);
const profiles = new URL('./profiles/', import.meta.url);

const results = await runLoadBenchmark(settingsFor(quick ? 'quick' : 'full'), (line) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
);
mkdirSync(profiles, { recursive: true });
writeFileSync(new URL('last-results.json', profiles), JSON.stringify(results, null, 1));
const baseline =
  existsSync(baselineFile) && !saveBaseline
    ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as LoadBenchmarkResults)
    : null;
const markdown = renderLoadResults(results, { command, baseline });
if (saveBaseline) writeFileSync(baselineFile, `${JSON.stringify(results, null, 1)}\n`);
if (quick) writeFileSync(new URL('RESULTS.quick.md', profiles), `${markdown}\n`);
else
  writeResultsSection(
    new URL('./RESULTS.md', import.meta.url).pathname,
    'Load: five contenders side by side (`npm run bench`)',
    markdown,
  );
process.stdout.write(`${markdown}\n`);
