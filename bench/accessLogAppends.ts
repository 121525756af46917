/**
 * `npm run bench:access-log-appends`: access-log appends per second, the format-1 log (before:
 * commit 26207a3, one global chain whose head row every append locks) against format 2 (after:
 * a chain per writer, group commit), on SQLite and PostgreSQL with 1, 4 and 8 writer processes,
 * in one run; one append is one request's record of three subjects. Prints a Markdown section and
 * writes it into bench/RESULTS.md between its own markers; `-- --quick` runs small cells and
 * writes nothing. Aim (the issue): format 2 on PostgreSQL with 4 writers at 10× format 1's figure.
 */
import os from 'node:os';
import pg from 'pg';
import { verifyAccessLog } from '../subgraphs/kit/audit/index.js';
import {
  postgresBackend,
  POSTGRES_TEST_URL,
  sqliteBackend,
  type AccessLogBackend,
} from '../subgraphs/kit/audit/testing/accessLogBackends.js';
import { appendFromProcesses } from '../subgraphs/kit/audit/testing/appendFromProcesses.js';
import { appendFormatOneFromProcesses } from './appendFormatOneFromProcesses.js';
import { extractFormatOneAccessLog, FORMAT_ONE_COMMIT } from './extractFormatOneAccessLog.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const COMMAND = 'npm run bench:access-log-appends';
const WRITER_COUNTS = [1, 4, 8] as const;
/**
 * Appends each writer keeps waiting at once: a busy subgraph replica serving a few gateways'
 * requests. Enough to keep all 10 connections of the old PostgreSQL pool queued on the head row
 * (8 would not fill it), and a queue for format 2's group commit to gather.
 */
const IN_FLIGHT = 32;
/**
 * Appends per cell, shared equally among its writers (1, 4 and 8 all divide them). Format 1 is
 * several times slower, so it gets fewer: each cell runs for seconds, not minutes, and the whole
 * benchmark stays within about four minutes on two cores (most of it starting writer processes).
 */
const APPENDS_PER_CELL = quick ? { before: 120, after: 480 } : { before: 1_200, after: 4_800 };
/** The issue's figure for format 1: PostgreSQL, 8 appends in flight. */
const ISSUE_FORMAT_ONE_FIGURE = 900;
const AIM_RATIO = 10;
const AIM_WRITERS = 4;

interface Cell {
  backend: AccessLogBackend['name'];
  writers: number;
  before: number | null;
  after: number;
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

const formatOne = extractFormatOneAccessLog();
if (!formatOne.available) log(`before: not measured: ${formatOne.reason}`);

async function measureBefore(backend: AccessLogBackend, writers: number): Promise<number | null> {
  if (!formatOne.available) return null;
  const temp = await backend.create();
  try {
    const writerMs = await appendFormatOneFromProcesses(
      formatOne.root,
      temp.url,
      writerNames(writers),
      APPENDS_PER_CELL.before / writers,
      IN_FLIGHT,
    );
    return perSecond(APPENDS_PER_CELL.before, writerMs);
  } finally {
    await temp.dispose();
  }
}

async function measureAfter(
  backend: AccessLogBackend,
  writers: number,
): Promise<Pick<Cell, 'after' | 'verified' | 'verifiedOk'>> {
  const temp = await backend.create();
  try {
    const writerMs = await appendFromProcesses(
      temp.url,
      writerNames(writers),
      APPENDS_PER_CELL.after / writers,
      IN_FLIGHT,
    );
    const verdict = await verifyAccessLog(await temp.open());
    const verifiedOk = verdict.ok && verdict.chains === writers && verdict.records === APPENDS_PER_CELL.after;
    const verified = verdict.ok
      ? `${verifiedOk ? 'ok' : 'NOT AS EXPECTED'}: ${verdict.chains} chain${verdict.chains === 1 ? '' : 's'}, ${verdict.records.toLocaleString('en-US')} records`
      : `FAILED: chain ${verdict.chain} at seq ${verdict.atSeq}: ${verdict.problem}`;
    return { after: perSecond(APPENDS_PER_CELL.after, writerMs), verified, verifiedOk };
  } finally {
    await temp.dispose();
  }
}

const cells: Cell[] = [];
const skipped: string[] = [];
try {
  for (const backend of [sqliteBackend, postgresBackend]) {
    if (backend.skipReason) {
      skipped.push(`${backend.name} not measured: ${backend.skipReason}`);
      log(skipped.at(-1)!);
      continue;
    }
    for (const writers of WRITER_COUNTS) {
      log(`${backend.name}, ${writers} writer(s): before (format 1, ${APPENDS_PER_CELL.before} appends)`);
      const before = await measureBefore(backend, writers);
      log(`${backend.name}, ${writers} writer(s): after (format 2, ${APPENDS_PER_CELL.after} appends)`);
      const after = await measureAfter(backend, writers);
      cells.push({ backend: backend.name, writers, before, ...after });
      log(`  before ${before?.toFixed(0) ?? 'n/a'}/s, after ${after.after.toFixed(0)}/s, ${after.verified}`);
    }
  }
} finally {
  if (formatOne.available) formatOne.remove();
}

const postgres = postgresBackend.skipReason ? null : await describePostgres();
const seconds = (performance.now() - began) / 1000;
const rate = (value: number | null) => (value === null ? 'n/a' : Math.round(value).toLocaleString('en-US'));
const ratio = (cell: Cell) => (cell.before === null ? 'n/a' : `${(cell.after / cell.before).toFixed(1)}×`);
const aimCell = cells.find((cell) => cell.backend === 'PostgreSQL' && cell.writers === AIM_WRITERS);

/** The issue's aim, stated plainly: measured against format 1 in this run, and against the issue's own figure. */
function aimVerdict(): string {
  if (!aimCell) return `**Aim not checked:** PostgreSQL was not measured.`;
  const aim = `**Aim (${AIM_RATIO}× format 1 on PostgreSQL with ${AIM_WRITERS} writers)`;
  const wanted = AIM_RATIO * ISSUE_FORMAT_ONE_FIGURE;
  const absolute =
    `against the issue's format-1 figure (~${ISSUE_FORMAT_ONE_FIGURE} appends/s, 8 in flight), ${AIM_RATIO}× would be ` +
    `${rate(wanted)} appends/s: ${aimCell.after >= wanted ? 'reached' : 'not reached'} (${rate(aimCell.after)}).`;
  if (aimCell.before === null) return `${aim}: not checked in this run** (format 1 not measured); ${absolute}`;
  const times = aimCell.after / aimCell.before;
  return (
    `${aim}: ${times >= AIM_RATIO ? 'met' : 'not met'}** in this run: ${times.toFixed(1)}× ` +
    `(${rate(aimCell.after)} against ${rate(aimCell.before)} appends/s). For reference, ${absolute}`
  );
}

const markdown = [
  `One append is one request's record, three subjects (the sample requests of each format's own \`testing/sampleEntries.ts\`: format 1 writes them as three chained entries). Each cell: a fresh log (a temp SQLite file, WAL, synchronous FULL; or a fresh schema in ${postgres ?? 'PostgreSQL'} on 127.0.0.1), 1, 4 or 8 writer processes that each open their store, wait until all are ready, and append their share of the cell's appends with ${IN_FLIGHT} in flight; appends/s = the cell's appends / the time until the last writer's last commit (writer start-up not counted). ${APPENDS_PER_CELL.before} appends per "before" cell, ${APPENDS_PER_CELL.after} per "after" cell.`,
  '',
  `Before: format 1 from commit ${FORMAT_ONE_COMMIT}, extracted at run time with \`git archive\` into a temp folder (deleted afterwards) and driven by \`bench/appendFormatOneFromProcess.ts\` (one global chain: every append locks the head row, SELECT … FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite; no group commit). After: today's store through \`appendFromProcesses\` (a chain per writer, group commit), then \`verifyAccessLog\` over the whole log: every chain valid, one chain per writer, one record per append.`,
  '',
  `Machine: ${os.cpus().length} cores, shared with other work (1-minute load ${loadAtStart.toFixed(1)} at the start), Node ${process.version}; PostgreSQL, the writer processes and this one all on the same machine, so writers and database compete for the same cores. Figures move by tens of percent between runs: compare within one run only. This run took ${Math.round(seconds)} s${quick ? ' (--quick)' : ''}.`,
  '',
  ...(formatOne.available ? [] : [`Before: not measured: ${formatOne.reason}.`, '']),
  ...skipped.flatMap((line) => [`${line}.`, '']),
  '| backend | writers | before appends/s | after appends/s | after/before | chains verified (after) |',
  '|---|---|---|---|---|---|',
  ...cells.map(
    (cell) =>
      `| ${cell.backend} | ${cell.writers} | ${rate(cell.before)} | ${rate(cell.after)} | ${ratio(cell)} | ${cell.verified} |`,
  ),
  '',
  aimVerdict(),
  '',
].join('\n');

if (!quick) {
  writeResultsSection(
    new URL('./RESULTS.md', import.meta.url).pathname,
    `Access-log appends: format 1 against format 2 (\`${COMMAND}\`)`,
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
  log('a format-2 log did not verify as expected: see the table');
  process.exitCode = 1;
}
