/**
 * `npm run bench:access-log-appends`: access-log appends per second (a chain per writer, group
 * commit), on SQLite and PostgreSQL with 1, 4 and 8 writer processes, in one run; one append is
 * one request's record of three subjects. Each cell is measured twice, back to back: first with
 * the store of the commit before issue 23 (accessLogBaseline.ts), then with this commit's. Prints
 * a Markdown section and writes it into bench/RESULTS.md between its own markers; `-- --quick`
 * runs small cells and writes nothing. Aims: issue 23's (PostgreSQL with 4 writers at least
 * SQLite's figure in the same run) and, for the record, issue 10's (10× the format-1 figure that
 * issue measured, ~900 appends/s).
 */
import os from 'node:os';
import pg from 'pg';
import {
  postgresBackend,
  POSTGRES_TEST_URL,
  sqliteBackend,
  type AccessLogBackend,
} from '../access-log/testing/accessLogBackends.js';
import { releaseWriterProcesses } from '../access-log/testing/appendFromProcesses.js';
import { extractAccessLogBaseline } from './accessLogBaseline.js';
import { APPENDS_IN_FLIGHT, measureAppendCell } from './measureAccessLogAppends.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const COMMAND = 'npm run bench:access-log-appends';
const WRITER_COUNTS = [1, 4, 8] as const;
/** Appends each writer keeps waiting at once, the same as `npm run bench`'s (measureAccessLogAppends.ts). */
const IN_FLIGHT = APPENDS_IN_FLIGHT;
/**
 * Appends per cell, shared equally among its writers (1, 4 and 8 all divide them): each cell runs
 * for a few seconds, and the whole benchmark within about two minutes on two cores (most of it
 * starting writer processes).
 */
const APPENDS_PER_CELL = quick ? 480 : 4_800;
/** Issue 10's figure for format 1: PostgreSQL, 8 appends in flight. */
const ISSUE_FORMAT_ONE_FIGURE = 900;
const AIM_RATIO = 10;
const AIM_WRITERS = 4;

interface Cell {
  backend: AccessLogBackend['name'];
  writers: number;
  /** The baseline commit's store (accessLogBaseline.ts) on the same cell, measured just before; null when unavailable. */
  baselinePerSecond: number | null;
  /** Why the baseline's cell failed (a writer's append failed, e.g. SQLite's busy timeout), or null. */
  baselineFailure: string | null;
  appendsPerSecond: number;
  verified: string;
  verifiedOk: boolean;
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const began = performance.now();
const loadAtStart = os.loadavg()[0]!;
const writerNames = (count: number) => Array.from({ length: count }, (_, i) => `w${i + 1}`);
const perSecond = (appends: number, writerMs: number[]) => {
  if (writerMs.some((ms) => !Number.isFinite(ms))) throw new Error(`a writer reported no time: ${writerMs.join(', ')}`);
  // Until the last writer's last commit: a writer that finishes early does not count as still writing.
  return appends / (Math.max(...writerMs) / 1000);
};

async function describePostgres(): Promise<string> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    const setting = async (name: string) =>
      (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name]!;
    const version = (await setting('server_version')).split(' ')[0];
    return `PostgreSQL ${version} (fsync ${await setting('fsync')}, synchronous_commit ${await setting('synchronous_commit')})`;
  } finally {
    await client.end();
  }
}

const baseline = extractAccessLogBaseline();
if (!baseline.available) log(`baseline not measured: ${baseline.reason}`);

/** The baseline commit's store on a fresh log of its own: its own writer processes, same arguments. */
async function measureBaseline(
  backend: AccessLogBackend,
  writers: number,
): Promise<Pick<Cell, 'baselinePerSecond' | 'baselineFailure'>> {
  if (!baseline.available) return { baselinePerSecond: null, baselineFailure: null };
  const temp = await backend.create();
  try {
    const args = writerNames(writers).map((writer) => [
      temp.url,
      writer,
      String(APPENDS_PER_CELL / writers),
      String(IN_FLIGHT),
      '0',
    ]);
    const writerMs = await releaseWriterProcesses(baseline.appendFromProcess, args);
    return { baselinePerSecond: perSecond(APPENDS_PER_CELL, writerMs), baselineFailure: null };
  } catch (error) {
    // The old store can fail where this one does not (its writers held SQLite's lock through an
    // fsync, so others ran out of busy timeout under load): a result to show, not a crash.
    const reason = /SQLITE_BUSY|database is locked/.test(String(error))
      ? 'database is locked (busy timeout)'
      : 'a writer failed';
    return { baselinePerSecond: null, baselineFailure: reason };
  } finally {
    await temp.dispose();
  }
}

/** This commit's store on the cell, measured as `npm run bench` measures it (measureAccessLogAppends.ts). */
async function measure(
  backend: AccessLogBackend,
  writers: number,
): Promise<Omit<Cell, 'backend' | 'writers' | 'baselinePerSecond' | 'baselineFailure'>> {
  const cell = await measureAppendCell(backend, writers, APPENDS_PER_CELL);
  return { appendsPerSecond: cell.appendsPerSecond, verified: cell.verdict, verifiedOk: cell.verified };
}

const cells: Cell[] = [];
const skipped: string[] = [];
for (const backend of [sqliteBackend, postgresBackend]) {
  const unavailable = await backend.unavailable();
  if (unavailable) {
    skipped.push(`${backend.name} not measured: ${unavailable}`);
    log(skipped.at(-1)!);
    continue;
  }
  for (const writers of WRITER_COUNTS) {
    log(`${backend.name}, ${writers} writer(s): ${APPENDS_PER_CELL} appends`);
    // The baseline first, then this commit's, back to back: the two share the machine's moment.
    const before = await measureBaseline(backend, writers);
    if (before.baselinePerSecond !== null) log(`  baseline ${before.baselinePerSecond.toFixed(0)}/s`);
    if (before.baselineFailure !== null) log(`  baseline FAILED: ${before.baselineFailure}`);
    const cell = await measure(backend, writers);
    cells.push({ backend: backend.name, writers, ...before, ...cell });
    log(`  ${cell.appendsPerSecond.toFixed(0)}/s, ${cell.verified}`);
  }
}

const postgres = cells.some((cell) => cell.backend === 'PostgreSQL') ? await describePostgres() : null;
const seconds = (performance.now() - began) / 1000;
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const aimCell = cells.find((cell) => cell.backend === 'PostgreSQL' && cell.writers === AIM_WRITERS);

/** Issue 10's aim, stated plainly against that issue's own format-1 figure. */
function aimVerdict(): string {
  if (!aimCell) return `**Aim not checked:** PostgreSQL was not measured.`;
  const wanted = AIM_RATIO * ISSUE_FORMAT_ONE_FIGURE;
  return (
    `**Aim (${AIM_RATIO}× issue 10's format-1 figure, ~${ISSUE_FORMAT_ONE_FIGURE} appends/s with 8 in flight, on PostgreSQL with ${AIM_WRITERS} writers: ` +
    `${rate(wanted)} appends/s): ${aimCell.appendsPerSecond >= wanted ? 'reached' : 'not reached'}** (${rate(aimCell.appendsPerSecond)}).`
  );
}

/** Issue 23's aim: PostgreSQL with 4 writers at least the SQLite figure, measured in the same run. */
function postgresAgainstSqlite(): string {
  const sqlite = cells.find((cell) => cell.backend === 'SQLite' && cell.writers === AIM_WRITERS);
  if (!aimCell || !sqlite) return `**Aim (issue 23) not checked:** both backends must be measured.`;
  const best = Math.max(...cells.filter((cell) => cell.backend === 'SQLite').map((cell) => cell.appendsPerSecond));
  const met = aimCell.appendsPerSecond >= sqlite.appendsPerSecond;
  return (
    `**Aim (issue 23: PostgreSQL with ${AIM_WRITERS} writers at least SQLite's figure on this machine): ${met ? 'met' : 'not met'}** ` +
    `against SQLite with ${AIM_WRITERS} writers (${rate(aimCell.appendsPerSecond)} against ${rate(sqlite.appendsPerSecond)} appends/s); ` +
    `against SQLite's best cell of this run (${rate(best)}), ${aimCell.appendsPerSecond >= best ? 'met' : 'not met'}.`
  );
}

const baselineName = baseline.available ? `commit ${baseline.commit}` : 'the baseline (not measured)';
const markdown = [
  `One append is one request's record, three subjects (\`sampleRequest\` of \`access-log/testing/sampleEntries.ts\`). Each cell: a fresh log (a temp SQLite file, WAL, synchronous NORMAL, each group's commit waiting for an fdatasync of the WAL in the thread pool; or a fresh schema in ${postgres ?? 'PostgreSQL'} on 127.0.0.1), 1, 4 or 8 writer processes that each open their store, wait until all are ready, and append their share of the cell's ${APPENDS_PER_CELL} appends with ${IN_FLIGHT} in flight; appends/s = the cell's appends / the time until the last writer's last commit (writer start-up not counted).`,
  '',
  `Before: ${baselineName}, the access log before issue 23 (SQLite with synchronous FULL, so fsync on the event loop; a salt drawn per subject; the generic canonical-JSON digest; statements whose text changed with the row count), extracted at run time with \`git archive\` into a temp folder (deleted afterwards) and driven by its own \`access-log/testing/appendFromProcess.ts\`, on a fresh log of its own, just before the same cell of this commit. After: this commit's store through \`appendFromProcesses\` (a chain per writer, group commit), then \`verifyAccessLog\` over the whole log: every chain valid, one chain per writer, one record per append.`,
  '',
  `Machine: ${os.cpus().length} cores, shared with other work (1-minute load ${loadAtStart.toFixed(1)} at the start), Node ${process.version}; PostgreSQL, the writer processes and this one all on the same machine, so writers and database compete for the same cores. Figures move by tens of percent between runs: compare within one run only. This run took ${Math.round(seconds)} s${quick ? ' (--quick)' : ''}.`,
  '',
  ...skipped.flatMap((line) => [`${line}.`, '']),
  `| backend | writers | before (${baselineName}) appends/s | after appends/s | after/before | chains verified (after) |`,
  '|---|---|---|---|---|---|',
  ...cells.map(
    (cell) =>
      `| ${cell.backend} | ${cell.writers} | ${cell.baselinePerSecond === null ? (cell.baselineFailure ? `failed: ${cell.baselineFailure}` : '–') : rate(cell.baselinePerSecond)} | ${rate(cell.appendsPerSecond)} | ${cell.baselinePerSecond === null ? '–' : `${(cell.appendsPerSecond / cell.baselinePerSecond).toFixed(2)}×`} | ${cell.verified} |`,
  ),
  '',
  postgresAgainstSqlite(),
  '',
  aimVerdict(),
  '',
].join('\n');

if (!quick) {
  writeResultsSection(
    new URL('./RESULTS.md', import.meta.url).pathname,
    `Access-log appends by backend and writers (\`${COMMAND}\`)`,
    markdown,
    {
      name: 'access-log appends',
      command: COMMAND,
    },
  );
}
process.stdout.write(`${markdown}\n`);
log(`done in ${Math.round(seconds)} s`);
if (cells.some((cell) => !cell.verifiedOk)) {
  log('a log did not verify as expected: see the table');
  process.exitCode = 1;
}
