/**
 * `npm run bench:access-log-appends`: access-log appends per second of this commit's store (a
 * chain per writer, group commit), on SQLite and PostgreSQL with 1, 4 and 8 writer processes, in
 * one run; one append is one request's record of three subjects. Prints a Markdown section and
 * writes it into bench/RESULTS.md between its own markers; `-- --quick` runs small cells and
 * writes nothing. Aim (issue 10): PostgreSQL with 4 writers at 10× the format-1 figure that issue
 * measured (~900 appends/s). Format 1 was never deployed and its code is gone (docs/access-log.md),
 * so it is no longer measured beside; its last measured figures stay in RESULTS.md.
 */
import os from 'node:os';
import pg from 'pg';
import { verifyAccessLog } from '../access-log/index.js';
import {
  postgresBackend,
  POSTGRES_TEST_URL,
  sqliteBackend,
  type AccessLogBackend,
} from '../access-log/testing/accessLogBackends.js';
import { appendFromProcesses } from '../access-log/testing/appendFromProcesses.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const COMMAND = 'npm run bench:access-log-appends';
const WRITER_COUNTS = [1, 4, 8] as const;
/**
 * Appends each writer keeps waiting at once: a busy subgraph replica serving a few gateways'
 * requests, and a queue for the group commit to gather (kept at the figure the recorded runs used).
 */
const IN_FLIGHT = 32;
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

async function measure(backend: AccessLogBackend, writers: number): Promise<Omit<Cell, 'backend' | 'writers'>> {
  const temp = await backend.create();
  try {
    const writerMs = await appendFromProcesses(temp.url, writerNames(writers), APPENDS_PER_CELL / writers, IN_FLIGHT);
    const verdict = await verifyAccessLog(await temp.open());
    const verifiedOk = verdict.ok && verdict.chains === writers && verdict.records === APPENDS_PER_CELL;
    const verified = verdict.ok
      ? `${verifiedOk ? 'ok' : 'NOT AS EXPECTED'}: ${verdict.chains} chain${verdict.chains === 1 ? '' : 's'}, ${verdict.records.toLocaleString('en-US')} records`
      : `FAILED: chain ${verdict.chain} at seq ${verdict.atSeq}: ${verdict.problem}`;
    return { appendsPerSecond: perSecond(APPENDS_PER_CELL, writerMs), verified, verifiedOk };
  } finally {
    await temp.dispose();
  }
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
    const cell = await measure(backend, writers);
    cells.push({ backend: backend.name, writers, ...cell });
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

const markdown = [
  `One append is one request's record, three subjects (\`sampleRequest\` of \`access-log/testing/sampleEntries.ts\`). Each cell: a fresh log (a temp SQLite file, WAL, synchronous NORMAL, each group's commit waiting for an fdatasync of the WAL in the thread pool; or a fresh schema in ${postgres ?? 'PostgreSQL'} on 127.0.0.1), 1, 4 or 8 writer processes that each open their store, wait until all are ready, and append their share of the cell's ${APPENDS_PER_CELL} appends with ${IN_FLIGHT} in flight; appends/s = the cell's appends / the time until the last writer's last commit (writer start-up not counted).`,
  '',
  `This commit's store only, through \`appendFromProcesses\` (a chain per writer, group commit), then \`verifyAccessLog\` over the whole log: every chain valid, one chain per writer, one record per append. Format 1 (one global chain) was never deployed and is no longer in the code, so it is not measured beside; its last measured figures are in the hand-written section below.`,
  '',
  `Machine: ${os.cpus().length} cores, shared with other work (1-minute load ${loadAtStart.toFixed(1)} at the start), Node ${process.version}; PostgreSQL, the writer processes and this one all on the same machine, so writers and database compete for the same cores. Figures move by tens of percent between runs: compare within one run only. This run took ${Math.round(seconds)} s${quick ? ' (--quick)' : ''}.`,
  '',
  ...skipped.flatMap((line) => [`${line}.`, '']),
  '| backend | writers | appends/s | chains verified |',
  '|---|---|---|---|',
  ...cells.map((cell) => `| ${cell.backend} | ${cell.writers} | ${rate(cell.appendsPerSecond)} | ${cell.verified} |`),
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
