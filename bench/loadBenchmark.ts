/**
 * `npm run bench`: the load benchmark of issues 7 and 23, the graph as deployed (every piece its
 * own process from dist/, rebuilt first when stale), in one run: the six cells and five
 * contenders, each piece's CPU and peak memory, the 1,000-shareholder page with and without
 * protections and against commit 5fa6311, the hostile neighbour, the access log's appends on
 * SQLite and PostgreSQL. Regenerates its section of bench/RESULTS.md, with the previous run's
 * figures (bench/baseline.json) beside this run's and the issue's aims computed, then keeps this
 * run's figures in bench/baseline.json for the next.
 *
 * `npm run bench:quick` (`-- --quick`): the same with short windows, for development; writes
 * bench/profiles/RESULTS.quick.md and leaves RESULTS.md and baseline.json alone.
 * `-- --cpu-prof=<piece>[,<piece>…]`: those pieces run under --cpu-prof for the whole run
 * ("gateway" is contender 1's; "subgraph market", "open subgraph tax", "stand-in social", …),
 * each summarised over the measured windows in the section (docs/performance.md).
 * `-- --build=head`: the pieces from the last commit built aside instead of dist/ (for a shared
 * working tree that is someone's work in progress).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { issueFigures } from './issueFigures.js';
import { renderLoadResults } from './renderLoadResults.js';
import { toSavedFigures, type SavedFigures } from './renderIssueSummary.js';
import { runLoadBenchmark, settingsFor } from './runLoadBenchmark.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const cpuProf = (process.argv.find((arg) => arg.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length) ?? '')
  .split(',')
  // "subgraph-market" or "subgraph market": the pieces' names, with hyphens for spaces on a command line.
  .map((name) => name.trim().replace(/-/g, ' '))
  .filter(Boolean);
const options = [
  ...(process.argv.includes('--build=head') ? ['--build=head'] : []),
  ...(cpuProf.length > 0 ? [`--cpu-prof=${cpuProf.map((name) => name.replace(/ /g, '-')).join(',')}`] : []),
];
const command = `${quick ? 'npm run bench:quick' : 'npm run bench'}${options.length > 0 ? ` -- ${options.join(' ')}` : ''}`;
const baselineFile = new URL('./baseline.json', import.meta.url);
const profiles = new URL('./profiles/', import.meta.url);

// Ctrl-C exits through process.exit, so every piece started is killed on the way out (deployed/startPiece.ts).
process.once('SIGINT', () => process.exit(130));
const head = process.argv.includes('--build=head');
const results = await runLoadBenchmark(
  { ...settingsFor(quick ? 'quick' : 'full'), cpuProf, ...(head ? { from: 'head' as const } : {}) },
  (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
);
mkdirSync(profiles, { recursive: true });
writeFileSync(new URL('last-results.json', profiles), JSON.stringify(results, null, 1));
const previous = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as SavedFigures) : null;
const markdown = renderLoadResults(results, { command, previous });
if (quick) writeFileSync(new URL('RESULTS.quick.md', profiles), `${markdown}\n`);
else {
  writeResultsSection(
    new URL('./RESULTS.md', import.meta.url).pathname,
    'Load, as deployed: five contenders side by side, and issue 23 in one run (`npm run bench`)',
    markdown,
  );
  const saved = toSavedFigures(
    issueFigures(results),
    results.startedAt,
    `\`${command}\`, every piece its own process from ${results.build}`,
  );
  writeFileSync(baselineFile, `${JSON.stringify(saved, null, 1)}\n`);
}
process.stdout.write(`${markdown}\n`);
