/**
 * `npm run bench:applications`: the one-stop applications as deployed (every stand-in, subgraph,
 * the gateway and the applications engine its own process from dist/, rebuilt first when stale;
 * `-- --build=head` builds the last commit aside), on a fresh schema of the machine's PostgreSQL
 * dropped afterwards. Measures start-a-business applications submitted (applyFor answered),
 * carried to the officer (every automatic step done) and completed (approved through `decide` by
 * a market officer) per second, at legacy latency 0 ms and 20 ms ± 5 ms, applicants flat out
 * (what the engine carries); then the citizen dashboard's reads per second at 20 ms, alone and
 * beside applications arriving on a timer at a city's steady rates (PACED_RATES) and flat out,
 * windows of reads alone between them (aim: at most 10 % fewer beside). Prints a Markdown section
 * and writes it into bench/RESULTS.md between its own markers; `-- --quick` runs short windows and
 * writes nothing.
 */
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { prepareBuild } from './deployed/prepareBuild.js';
import { driveApplications, type ApplicationFigures, type ApplicationsPace } from './driveApplications.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { legacyAdmin } from './legacyAdmin.js';
import { LATENCIES } from './loadSettings.js';
import { cpuMilliseconds } from './readProcessUsage.js';
import { citizenDashboard } from './scenarios/index.js';
import { startApplicationsStack, type ApplicationsStack } from './startApplicationsStack.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const head = process.argv.includes('--build=head');
const command = `npm run bench:applications${head ? ' -- --build=head' : ''}`;
/** Each measured window. */
const SECONDS = quick ? 5 : 20;
const WARM_UP_SECONDS = quick ? 2 : 5;
/** Applicants at once, each applying again when its last application has ended: at most this many open (the engine's default concurrency). */
const APPLICANTS = 20;
/** Applications started per second on a timer beside the reads: a city's steady arrivals, whatever the earlier ones are doing. */
const PACED_RATES = [1, 2];
/** Applications are sent for this long before the reads beside them start, so the reads meet the steady state. */
const LEAD_SECONDS = quick ? 2 : 5;
/** The intake window: applicants sending the next applyFor as soon as the last is answered. */
const INTAKE_SUBMITTERS = 8;
const INTAKE_SECONDS = quick ? 2 : 5;
/** The dashboard's readers, as the load benchmark's cells drive it. */
const READERS = 8;
/** The reads are measured at the realistic latency (the legacy systems are other machines). */
const READ_LATENCY = LATENCIES[1];
/** Aim: the reads drop by at most this share while applications run beside them. */
const READS_MAY_DROP = 0.1;
/** Applicants: residents of the data set after the first ones (the dashboard's citizens are left out). */
const APPLICANT_OFFSET = 1_000;
const APPLICANT_COUNT = 2_000;

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
process.once('SIGINT', () => process.exit(130));

/** The reads beside one kind of applications, and alone in the windows just before and after. */
interface BesideCell {
  neighbour: string;
  before: LoadFigures;
  beside: LoadFigures;
  after: LoadFigures;
  applications: ApplicationFigures;
}

interface ApplicationCell extends ApplicationFigures {
  latency: string;
  /** CPU ms per submitted application, by piece, over the window. */
  cpuMsPerApplication: { gateway: number; engine: number; rest: number };
}

const startedAt = new Date();
const loadAverageBefore = os.loadavg();
const dataSet = loadDataSet();
const { build, dispose } = await prepareBuild(head ? 'head' : 'dist', log);
let stack: ApplicationsStack | null = null;
try {
  stack = await startApplicationsStack(build, log);
  const running = stack;
  const legacy = legacyAdmin(running.backend.legacy);
  const dashboardScenario = citizenDashboard(dataSet);
  const readers = new Set(dashboardScenario.subjects.map((subject) => subject.caller?.sub));
  const applicants = dataSet.residents
    .slice(APPLICANT_OFFSET)
    .map((resident) => resident.id)
    .filter((id) => !readers.has(id))
    .slice(0, APPLICANT_COUNT);
  log(`signing tokens for ${applicants.length} applicants`);
  await Promise.all(applicants.map((sub) => running.backend.tokenFor({ kind: 'person', sub })));
  const driver = {
    graphqlUrl: running.graphqlUrl,
    tokenFor: running.backend.tokenFor,
    query: running.query,
    schema: running.schema,
    applicants,
  };
  const dashboard = await graphqlRequest(running.graphqlUrl, dashboardScenario, {
    document: 'portal',
    tokenFor: running.backend.tokenFor,
  });

  log('one application end to end first (and the engine warmed up)');
  await legacy.reset(LATENCIES[0]);
  const first = await driveApplications(driver, { submitters: 1, seconds: WARM_UP_SECONDS, mode: 'follow' });
  if (first.submitted === 0 || first.drainSeconds === null || first.notCompleted > 0 || first.firstProblem)
    throw new Error(`applications do not complete here, so there is nothing to measure: ${JSON.stringify(first)}`);

  const cells: ApplicationCell[] = [];
  for (const latency of LATENCIES) {
    await legacy.reset(latency);
    log(`applications at legacy latency ${latency.name}: ${APPLICANTS} applicants at once for ${SECONDS} s`);
    const before = cpuOf(running);
    const figures = await driveApplications(driver, { submitters: APPLICANTS, seconds: SECONDS, mode: 'follow' });
    const after = cpuOf(running);
    const per = (ms: number) => ms / Math.max(1, figures.submitted);
    cells.push({
      latency: latency.name,
      ...figures,
      cpuMsPerApplication: {
        gateway: per(after.gateway - before.gateway),
        engine: per(after.engine - before.engine),
        rest: per(after.rest - before.rest),
      },
    });
    log(describe(cells.at(-1)!));
  }

  await legacy.reset(READ_LATENCY);
  log(`the dashboard at legacy latency ${READ_LATENCY.name}: warm-up, then alone for ${SECONDS} s`);
  await driveLoad(dashboard, { connections: READERS, seconds: WARM_UP_SECONDS });
  const readAlone = async (label: string) => {
    const alone = await driveLoad(dashboard, { connections: READERS, seconds: SECONDS });
    log(`${label}: ${alone.requestsPerSecond.toFixed(1)} reads/s, p99 ${alone.p99Ms} ms, ${alone.failed} failed`);
    return alone;
  };
  // Alone, beside, alone, beside …: the neighbours on a shared machine come and go, so each
  // window beside is compared with the windows alone on both sides of it.
  let lastAlone = await readAlone('alone');
  const neighbours: Array<{ name: string; pace: ApplicationsPace }> = [
    ...PACED_RATES.map((perSecond) => ({
      name: `${perSecond} a second on a timer`,
      pace: { mode: 'paced' as const, perSecond },
    })),
    { name: `flat out (${APPLICANTS} applicants)`, pace: { mode: 'follow' as const, submitters: APPLICANTS } },
  ];
  const besides: BesideCell[] = [];
  for (const { name, pace } of neighbours) {
    log(`the dashboard beside applications ${name} (sent from ${LEAD_SECONDS} s before), ${SECONDS} s`);
    const [beside, applications] = await Promise.all([
      delay(LEAD_SECONDS * 1_000).then(() => driveLoad(dashboard, { connections: READERS, seconds: SECONDS })),
      driveApplications(driver, { ...pace, seconds: SECONDS, leadSeconds: LEAD_SECONDS }),
    ]);
    log(`beside applications ${name}: ${beside.requestsPerSecond.toFixed(1)} reads/s, p99 ${beside.p99Ms} ms`);
    log(
      describe({
        ...applications,
        latency: READ_LATENCY.name,
        cpuMsPerApplication: { gateway: 0, engine: 0, rest: 0 },
      }),
    );
    const after = await readAlone('alone again');
    besides.push({ neighbour: name, before: lastAlone, beside, after, applications });
    lastAlone = after;
  }

  // Last, as its queue is left to the engine when the stack stops: applyFor reaches no legacy system.
  await legacy.reset(LATENCIES[0]);
  log(`intake: ${INTAKE_SUBMITTERS} applicants applying as fast as applyFor answers, ${INTAKE_SECONDS} s`);
  const intake = await driveApplications(driver, {
    submitters: INTAKE_SUBMITTERS,
    seconds: INTAKE_SECONDS,
    mode: 'flood',
    drain: false,
  });
  log(`intake: ${intake.submittedPerSecond.toFixed(1)} applyFor answered/s, ${intake.submitFailed} failed`);

  const section = render({ cells, besides, intake, buildLabel: build.label });
  process.stdout.write(`${section}\n`);
  if (!quick)
    writeResultsSection(
      new URL('./RESULTS.md', import.meta.url).pathname,
      'One-stop applications: submitted and completed per second, and the reads beside them (`npm run bench:applications`)',
      section,
      { name: 'applications', command: 'npm run bench:applications' },
    );
} finally {
  await stack?.stop();
  dispose();
}

/** CPU ms so far of the gateway, the engine and the rest of the graph's processes. */
function cpuOf(running: ApplicationsStack): { gateway: number; engine: number; rest: number } {
  const rest = running.backend.pieces.reduce((total, piece) => total + cpuMilliseconds(piece.pid), 0);
  return { gateway: cpuMilliseconds(running.gateway.pid), engine: cpuMilliseconds(running.engine.pid), rest };
}

function describe(cell: ApplicationCell): string {
  return (
    `${cell.latency}: ${cell.submittedPerSecond.toFixed(1)} submitted/s, ${cell.automaticDonePerSecond.toFixed(1)} carried to the officer/s, ` +
    `${cell.completedPerSecond.toFixed(1)} completed/s (p50 ${cell.p50CompletionMs} ms), drained in ${cell.drainSeconds ?? '—'} s, ` +
    `${cell.submitFailed} applyFor failed, ${cell.decideFailed} decide failed, ${cell.notCompleted} not completed` +
    (cell.firstProblem ? ` (first: ${cell.firstProblem})` : '')
  );
}

/** The reads beside applications against the mean of the windows alone around them, and whether the aim holds. */
function compare(cell: BesideCell): { aloneRate: number; ratio: number; met: boolean } {
  const aloneRate = (cell.before.requestsPerSecond + cell.after.requestsPerSecond) / 2;
  const ratio = cell.beside.requestsPerSecond / aloneRate;
  return { aloneRate, ratio, met: ratio >= 1 - READS_MAY_DROP };
}

function render(run: {
  cells: ApplicationCell[];
  besides: BesideCell[];
  intake: ApplicationFigures;
  buildLabel: string;
}): string {
  const { cells, besides, intake } = run;
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const load = loadAverageBefore.map((value) => value.toFixed(2)).join(', ');
  return [
    `Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (\`${command}\`, ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s), ` +
      `every piece its own process from ${run.buildLabel}: the three stand-ins, the four subgraphs, our gateway (caller limits and ` +
      `creation budgets lifted through its settings) and the applications engine (\`applications/main.js\`, its default ` +
      `concurrency) on a fresh schema of the machine's PostgreSQL, dropped afterwards. ${os.cpus().length} cores ` +
      `(${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; **load average before the run: ${load}** ` +
      `(1, 5, 15 min; the machine is shared, so the figures move with its neighbours).`,
    '',
    `**Flat out** (what the engine carries), each window ${SECONDS} s: ${APPLICANTS} applicants at once apply for start-a-business (each a distinct resident of ` +
      `the data set, each company name new) and apply again once their last application has ended; one market ` +
      `officer approves what waits (\`pendingDecisions\` then \`decide\`, X-Purpose market-supervision). ` +
      `"Submitted": applyFor answered with an application; "carried to the officer": every automatic step done ` +
      `(market registers, tax and social act); "completed": COMPLETED (the officer's approval carried to the registry); ` +
      `each counted within the window. After each window the officer goes on until all its applications ended.` +
      ` CPU: each piece's user + system time from /proc over the window, per application submitted (the machine's PostgreSQL, shared, is not counted).`,
    '',
    '| legacy latency | submitted/s | carried to the officer/s | completed/s | applyFor → COMPLETED p50 | drained after the window in | failed (applyFor / decide / not completed) | CPU ms per application: gateway / engine / subgraphs + stand-ins |',
    '|---|---|---|---|---|---|---|---|',
    ...cells.map(
      (cell) =>
        `| ${cell.latency} | ${fixed(cell.submittedPerSecond)} | ${fixed(cell.automaticDonePerSecond)} | ${fixed(cell.completedPerSecond)} | ` +
        `${seconds(cell.p50CompletionMs)} | ${cell.drainSeconds === null ? 'not within 30 s' : `${fixed(cell.drainSeconds)} s`} | ` +
        `${cell.submitFailed} / ${cell.decideFailed} / ${cell.notCompleted} | ` +
        `${fixed(cell.cpuMsPerApplication.gateway)} / ${fixed(cell.cpuMsPerApplication.engine)} / ${fixed(cell.cpuMsPerApplication.rest)} |`,
    ),
    '',
    `Intake, last in the run: ${INTAKE_SUBMITTERS} applicants sending the next applyFor as soon as the last is answered, ` +
      `${INTAKE_SECONDS} s (applyFor writes the application and starts its workflow; it reaches no legacy system, so ` +
      `the legacy latency does not enter): **${fixed(intake.submittedPerSecond)} applyFor answered/s**, ` +
      `${intake.submitFailed} failed; meanwhile ${fixed(intake.automaticDonePerSecond)}/s carried to the officer ` +
      `(the engine's queue grows: what it is left with is dropped with the run's schema).`,
    '',
    `**Reads beside applications**: the citizen dashboard (the load benchmark's scenario, 50 citizens with their own ` +
      `tokens) on ${READERS} connections at full speed, legacy latency ${READ_LATENCY.name}, in ${SECONDS} s windows ` +
      `taken in turn: alone, beside applications, alone, beside, … alone, each window beside compared with the mean ` +
      `of the windows alone just before and after it (both shown, as the shared machine's load drifts). Beside: ` +
      `start-a-business applications **on a timer** (one started every 1/rate s whatever the earlier ones are ` +
      `doing, an open loop: a city's steady arrivals) at ${PACED_RATES.join(' and ')} a second, then **flat out** ` +
      `as above; the same officer approves them; applications are sent from ${LEAD_SECONDS} s before the window ` +
      `beside opens, so it meets the steady state, and drained before the next window alone.`,
    '',
    '| applications beside | reads/s alone before | reads/s beside | reads/s alone after | beside / alone (mean; to before, to after) | p99 ms alone before / beside / alone after | failed reads | applications submitted/s, completed/s (applyFor → COMPLETED p50) | failed (applyFor / decide / not completed) | at most 10 % fewer |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...besides.map((cell) => {
      const { ratio, met } = compare(cell);
      const { before, beside, after, applications } = cell;
      return (
        `| ${cell.neighbour} | ${fixed(before.requestsPerSecond)} | ${fixed(beside.requestsPerSecond)} | ${fixed(after.requestsPerSecond)} | ` +
        `**${fixed(ratio, 2)}**; ${fixed(beside.requestsPerSecond / before.requestsPerSecond, 2)}, ${fixed(beside.requestsPerSecond / after.requestsPerSecond, 2)} | ` +
        `${before.p99Ms} / ${beside.p99Ms} / ${after.p99Ms} | ${before.failed + beside.failed + after.failed} | ` +
        `${fixed(applications.submittedPerSecond, 2)}, ${fixed(applications.completedPerSecond, 2)} (${seconds(applications.p50CompletionMs)}) | ` +
        `${applications.submitFailed} / ${applications.decideFailed} / ${applications.notCompleted} | **${met ? 'met' : 'not met'}** |`
      );
    }),
    '',
    ...besides.map((cell) => {
      const { aloneRate, ratio, met } = compare(cell);
      return (
        `- Applications ${cell.neighbour}: the reads beside them ${fixed(cell.beside.requestsPerSecond)}/s, alone ` +
        `${fixed(aloneRate)}/s (the mean of ${fixed(cell.before.requestsPerSecond)} and ${fixed(cell.after.requestsPerSecond)}), ` +
        `${ratio >= 1 ? `${fixed((ratio - 1) * 100)} % more` : `${fixed((1 - ratio) * 100)} % fewer`}: ` +
        `the aim of at most ${READS_MAY_DROP * 100} % fewer is **${met ? 'met' : 'not met'}** ` +
        `(${fixed(cell.applications.completedPerSecond, 2)} applications completed a second).`
      );
    }),
  ].join('\n');
}
