import { peakMemoryByPiece } from './issueFigures.js';
import { APPENDS_IN_FLIGHT } from './measureAccessLogAppends.js';
import { renderHostileNeighbour } from './measureHostileNeighbour.js';
import type { LoadBenchmarkResults } from './runLoadBenchmark.js';
import type { ProfileSummary } from './summariseCpuProfile.js';

const SCENARIO_ORDER = ['citizen dashboard', 'company profile', 'company search'];
const DEPARTMENTS = ['market', 'tax', 'social', 'platform'];
const STAND_INS = ['market', 'tax', 'social'];

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(2));

/** CPU per request of every piece, cell by cell, and each piece's peak resident memory over the run. */
export function renderPieces(results: LoadBenchmarkResults): string[] {
  const lines = [
    '### CPU ms per request, piece by piece',
    '',
    "Each piece's CPU over the measured window per answer. The subgraph columns are the set the contender's requests reach: for contender 1 the subgraphs as deployed, for 2-4 those without protections (the platform's is shared); contender 5 reaches only the stand-ins.",
    '',
    `| cell | contender | gateway | ${DEPARTMENTS.map((name) => `${name} subgraph`).join(' | ')} | ${STAND_INS.map((name) => `${name} stand-in`).join(' | ')} | all pieces |`,
    `|---|---|---|${DEPARTMENTS.map(() => '---').join('|')}|${STAND_INS.map(() => '---').join('|')}|---|`,
  ];
  const rows = [
    ...[...results.cells].sort(
      (a, b) =>
        a.latency.localeCompare(b.latency) || SCENARIO_ORDER.indexOf(a.scenario) - SCENARIO_ORDER.indexOf(b.scenario),
    ),
    ...results.growth.map((row) => ({
      ...row,
      scenario: `company profile, ${row.shareholders.toLocaleString('en')} shareholder${row.shareholders === 1 ? '' : 's'}`,
      latency: '0 ms',
    })),
  ];
  for (const row of rows) {
    const piece = (name: string) => row.pieces.find((entry) => entry.name === name)?.cpuMsPerRequest;
    const subgraph = (name: string) => piece(`subgraph ${name}`) ?? piece(`open subgraph ${name}`);
    const sameSet = (name: string) =>
      row.contender === 1 || name === 'platform' ? piece(`subgraph ${name}`) : piece(`open subgraph ${name}`);
    lines.push(
      `| ${row.scenario}, ${row.latency} | ${row.contender} | ${ms(row.cpuMsPerRequest)} | ${DEPARTMENTS.map((name) => ms(row.contender === 5 ? undefined : (sameSet(name) ?? subgraph(name)))).join(' | ')} | ` +
        `${STAND_INS.map((name) => ms(piece(`stand-in ${name}`))).join(' | ')} | ${ms(row.cpuMsPerRequest + row.backendCpuMsPerRequest)} |`,
    );
  }
  lines.push(
    '',
    '### Peak resident memory per piece (VmHWM, the largest of the windows it served)',
    '',
    '| piece | peak MB |',
    '|---|---|',
    ...peakMemoryByPiece(results).map(({ piece, peakMb }) => `| ${piece} | ${peakMb.toFixed(0)} |`),
    '',
  );
  return lines;
}

/** The old commit's 1,000-shareholder page, the hostile neighbour and the access log's appends, each as measured in this run. */
export function renderRunExtras(results: LoadBenchmarkResults): string[] {
  const lines: string[] = [];
  const old = results.oldCommit;
  if (old) {
    const row = (name: string, figures: typeof old.before) =>
      `| ${name} | ${figures.requestsPerSecond.toFixed(1)} | ${figures.p50Ms} | ${figures.p99Ms} | ${ms(figures.cpuMsPerRequest)} | ${ms(figures.backendCpuMsPerRequest)} | ${figures.peakMemoryMb.toFixed(0)} | ${figures.failed} |`;
    lines.push(
      `### The 1,000-shareholder page against commit ${old.commit}, in this run`,
      '',
      `Commit ${old.commit} (this session's start) extracted with \`git archive\` into a temp folder, built there as \`npm run build\` built it then (its tsconfig.build.json and asset copy, this checkout's node_modules), and run as deployed (its own stand-ins, subgraphs and gateway, each a process, the same settings); then this build's contender 1, right after, on the same cell: the company with 1,000 shareholders, a page of 100, 0 ms. ` +
        (old.answerDifferences.length === 0
          ? 'Both gave the same data first.'
          : `**Their answers differ:** ${old.answerDifferences.join('; ')}.`),
      '',
      '| contender 1 | requests/s | p50 ms | p99 ms | gateway CPU ms per request | back-end CPU ms per request | gateway peak MB | failed |',
      '|---|---|---|---|---|---|---|---|',
      row(`commit ${old.commit}`, old.before),
      row('this build', old.after),
      '',
      `**This build / commit ${old.commit}: ${(old.after.requestsPerSecond / old.before.requestsPerSecond).toFixed(2)}× the requests/s** (aim: at least 2×).`,
      '',
    );
  }
  if (results.hostile)
    lines.push(
      '### Hostile neighbour (in this run)',
      '',
      renderHostileNeighbour(results.hostile, `against a gateway from ${results.build} over the subgraphs as deployed`),
      '',
    );
  const appends = results.appends;
  if (appends) {
    lines.push(
      '### Access-log appends (in this run)',
      '',
      `One append is one request's record of three subjects; each cell a fresh log (a temp SQLite file, or a fresh schema in the PostgreSQL of the tests on 127.0.0.1), writer processes each appending to its own chain with ${APPENDS_IN_FLIGHT} in flight, then the whole log verified (bench/measureAccessLogAppends.ts, the helpers of \`npm run bench:access-log-appends\`); appends/s until the last writer's last commit.`,
      '',
      ...appends.skipped.flatMap((line) => [`${line}.`, '']),
      '| backend | writers | appends | appends/s | verified |',
      '|---|---|---|---|---|',
      ...appends.cells.map(
        (cell) =>
          `| ${cell.backend} | ${cell.writers} | ${cell.appends.toLocaleString('en')} | ${Math.round(cell.appendsPerSecond).toLocaleString('en')} | ${cell.verdict} |`,
      ),
      '',
    );
  }
  return lines;
}

function profileTables(profile: ProfileSummary): string[] {
  return [
    '| package or file | share of busy time |',
    '|---|---|',
    ...profile.byPlace.map((line) => `| ${line.where} | ${(line.share * 100).toFixed(1)}% |`),
    '',
    '| function | share |',
    '|---|---|',
    ...profile.byFunction.map((line) => `| ${line.where.replace(/\|/g, '\\|')} | ${(line.share * 100).toFixed(1)}% |`),
    '',
  ];
}

/** Contender 1's profile under load, and the pieces run under --cpu-prof for the whole run. */
export function renderProfiles(results: LoadBenchmarkResults): string[] {
  const lines: string[] = [];
  if (results.profile)
    lines.push(
      "### Where contender 1's time goes (CPU profile under load)",
      '',
      `\`--cpu-prof\` on a separate contender-1 process (the built gateway's main, not the one measured above), each scenario at 0 ms for one window; only samples inside the windows count (${Math.round(results.profile.busyMs)} ms busy). Self time:`,
      '',
      ...profileTables(results.profile),
    );
  for (const { piece, summary } of results.pieceProfiles)
    lines.push(
      `### Where the ${piece}'s time goes (\`-- --cpu-prof=${piece}\`, the whole run's windows)`,
      '',
      `${Math.round(summary.busyMs)} ms busy inside the measured windows. Self time:`,
      '',
      ...profileTables(summary),
    );
  return lines;
}
