import { setTimeout as delay } from 'node:timers/promises';
import type { CallerClaims } from '../test/harness.js';

/** What one window of applications did, read from the applyFor answers and the applications' own tables. */
export interface ApplicationFigures {
  seconds: number;
  /** applyFor answered with an application, within the window. */
  submitted: number;
  /** applyFor answered with errors or a failed request. */
  submitFailed: number;
  submittedPerSecond: number;
  /** Applications whose automatic steps were all done (the officer's step awaited) within the window. */
  automaticDone: number;
  automaticDonePerSecond: number;
  /** Applications COMPLETED (approved through `decide`, the registry told) within the window. */
  completed: number;
  completedPerSecond: number;
  /** Median time from applyFor to COMPLETED of those completed in the window, in ms. */
  p50CompletionMs: number | null;
  /** After the window: how long until every application it sent ended, or null when the drain gave up. */
  drainSeconds: number | null;
  /** Applications sent for the window (its lead and its last ones too) that ended other than COMPLETED (REFUSED, FAILED), or were still running when the drain gave up. */
  notCompleted: number;
  /** `decide` answered with errors or a failed request. */
  decideFailed: number;
  /** The first failure's answer, for the log: null when nothing failed. */
  firstProblem: string | null;
}

export interface ApplicationsDriver {
  graphqlUrl: string;
  tokenFor(claims: CallerClaims): Promise<string>;
  /** A query on the applications' database. */
  query<T extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  schema: string;
  /** The applicants, in turn: distinct residents of the data set. */
  applicants: readonly string[];
}

const APPLY = `mutation Apply($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $key: String!) {
  applyFor(matter: $matter, applicant: $applicant, input: $input, idempotencyKey: $key) { id status }
}`;
const PENDING = `query Pending($first: Int) { pendingDecisions(department: "market", first: $first) { step } }`;
const DECIDE = `mutation Decide($step: ID!) { decide(step: $step, approve: true) { id status } }`;

/** The market officer of the development fixtures, deciding under the matter's purpose (matters/start-a-business.yaml). */
const OFFICER: CallerClaims = { kind: 'officer', sub: 'staff-market-3', roles: ['market-officer'] };
const OFFICER_PURPOSE = 'market-supervision';
/** Steps an officer takes from the queue at once, and decides side by side. */
const QUEUE_PAGE = 50;
const DECIDERS = 4;
/** How long an empty queue waits before it is asked again. */
const QUEUE_PAUSE_MS = 100;
/** How long the applications of a window are waited for after it, at most. */
const DRAIN_LIMIT_MS = 30_000;
/** How often the applications waited for are looked up. */
const ENDS_POLL_MS = 100;

/** The next applicant (in turn through the list) and the next company's serial, across windows. */
let nextApplicant = 0;
let nextSerial = 0;
const runLabel = Date.now().toString(36);

/** How a window sends its applications. */
export type ApplicationsPace =
  /** `submitters` applicants, each applying again once its last application has ended (closed loop: at most `submitters` open). */
  | { mode: 'follow'; submitters: number }
  /** `submitters` applicants, each applying again as soon as applyFor has answered (the desk's intake). */
  | { mode: 'flood'; submitters: number }
  /** One application started every 1/`perSecond` s on a timer, whatever the earlier ones are doing (open loop). */
  | { mode: 'paced'; perSecond: number };

/**
 * Applies for start-a-business (a new resident and company name each time) for `seconds`, one
 * market officer meanwhile approving what waits in the queue, at the given pace: `follow`, as
 * people who wait for their answer; `flood`, the engine's queue growing; `paced`, applications
 * arriving at a city's steady rate, as many open as their own duration makes. With
 * `leadSeconds`, applications are already being sent for that long before the window opens, so
 * the window sees the steady state rather than the first ones on their way (counted: those
 * answered, and those ended, within the window). After the window the officer goes on until every
 * application sent has ended (at most DRAIN_LIMIT_MS), so the next window starts with an empty
 * queue (`drain: false`: it stops at once, for the last window of a run). The rates are counted
 * from the applications' tables.
 */
export async function driveApplications(
  driver: ApplicationsDriver,
  options: ApplicationsPace & { seconds: number; leadSeconds?: number; drain?: boolean },
): Promise<ApplicationFigures> {
  const opens = Date.now() + (options.leadSeconds ?? 0) * 1_000;
  const deadline = opens + options.seconds * 1_000;
  /** Every application answered (the lead's and the last ones' too), waited for after the window; `counted` of them answered within it. */
  const submittedIds: string[] = [];
  let counted = 0;
  let submitFailed = 0;
  const problems: string[] = [];
  const officer = decideWhatWaits(driver, problems);
  const ends = watchEnds(driver);
  const submitOne = async (): Promise<string | null> => {
    const applicant = driver.applicants[nextApplicant++ % driver.applicants.length]!;
    const answer = await applyFor(driver, applicant).catch((error: unknown) => ({ problem: String(error) }));
    if ('id' in answer) {
      const now = Date.now();
      submittedIds.push(answer.id);
      if (now >= opens && now <= deadline) counted++;
      return answer.id;
    }
    submitFailed++;
    problems.push(`applyFor: ${answer.problem}`);
    return null;
  };
  const submitter = async () => {
    while (Date.now() < deadline) {
      const id = await submitOne();
      if (id !== null && options.mode === 'follow') await ends.ended(id, deadline);
    }
  };
  const pace = async (perSecond: number) => {
    // Each start on a schedule from the first, so a slow applyFor delays no later one.
    const started = Date.now();
    const sent: Array<Promise<unknown>> = [];
    for (let next = 0; started + (next * 1_000) / perSecond < deadline; next++) {
      await delay(Math.max(0, started + (next * 1_000) / perSecond - Date.now()));
      sent.push(submitOne());
    }
    await Promise.all(sent);
  };
  const sending =
    options.mode === 'paced'
      ? pace(options.perSecond)
      : Promise.all(Array.from({ length: options.submitters }, submitter));
  await delay(Math.max(0, opens - Date.now()));
  const from = (await driver.query<{ now: Date }>('SELECT clock_timestamp() AS now'))[0]!.now;
  await sending;
  ends.stop();
  const to = (await driver.query<{ now: Date }>('SELECT clock_timestamp() AS now'))[0]!.now;
  const seconds = (to.getTime() - from.getTime()) / 1_000;
  const drainStarted = Date.now();
  let left = submittedIds.length;
  while (options.drain !== false && left > 0 && Date.now() - drainStarted < DRAIN_LIMIT_MS) {
    await delay(250);
    left = Number(
      (
        await driver.query<{ left: string }>(
          `SELECT count(*) AS left FROM "${driver.schema}".applications WHERE id = ANY($1) AND status = 'RUNNING'`,
          [submittedIds],
        )
      )[0]!.left,
    );
  }
  const drainSeconds = left === 0 ? (Date.now() - drainStarted) / 1_000 : null;
  const decideFailed = await officer.stop();
  const s = `"${driver.schema}"`;
  const [automatic] = await driver.query<{ count: string }>(
    `SELECT count(*) AS count FROM ${s}.application_step_history
      WHERE step = 'approve' AND status = 'AWAITING_DECISION' AND at BETWEEN $1 AND $2`,
    [from, to],
  );
  const [completed] = await driver.query<{ count: string; p50: number | null }>(
    `SELECT count(*) AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - submitted_at) * 1000) AS p50
       FROM ${s}.applications WHERE status = 'COMPLETED' AND finished_at BETWEEN $1 AND $2`,
    [from, to],
  );
  const ended = await driver.query<{ status: string; reason: string | null; count: string; applicants: string }>(
    `SELECT status, reason, count(*) AS count, string_agg(applicant_id, ' ') AS applicants
       FROM ${s}.applications WHERE id = ANY($1) AND status <> 'COMPLETED'
      GROUP BY status, reason ORDER BY count(*) DESC`,
    [submittedIds],
  );
  for (const row of ended)
    problems.push(`${row.count} ended ${row.status}: ${row.reason ?? ''} (applicants ${row.applicants.slice(0, 100)})`);
  const automaticDone = Number(automatic!.count);
  const completedCount = Number(completed!.count);
  return {
    seconds,
    submitted: counted,
    submitFailed,
    submittedPerSecond: counted / seconds,
    automaticDone,
    automaticDonePerSecond: automaticDone / seconds,
    completed: completedCount,
    completedPerSecond: completedCount / seconds,
    p50CompletionMs: completed!.p50 === null ? null : Math.round(Number(completed!.p50)),
    drainSeconds,
    notCompleted: ended.reduce((total, row) => total + Number(row.count), 0),
    decideFailed,
    firstProblem: problems[0] ?? null,
  };
}

/** The applications' ends, read from their table for every application waited for at once (not through the gateway, whose reads are measured). */
function watchEnds(driver: ApplicationsDriver) {
  const waiting = new Map<string, () => void>();
  let running = true;
  void (async () => {
    while (running) {
      await delay(ENDS_POLL_MS);
      if (waiting.size === 0) continue;
      const rows = await driver.query<{ id: string }>(
        `SELECT id FROM "${driver.schema}".applications WHERE id = ANY($1) AND status <> 'RUNNING'`,
        [[...waiting.keys()]],
      );
      for (const { id } of rows) waiting.get(id)?.();
    }
  })();
  return {
    /** Resolves when the application has ended, or at the deadline. */
    ended(id: string, deadline: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        function done() {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        }
        waiting.set(id, done);
      });
    },
    stop() {
      running = false;
    },
  };
}

/** One applyFor for this applicant, a company name and idempotency key of its own: the application's id, or what went wrong. */
async function applyFor(driver: ApplicationsDriver, applicant: string): Promise<{ id: string } | { problem: string }> {
  const serial = `${runLabel}${(nextSerial++).toString(36)}`;
  const body = await post<{ applyFor: { id: string } | null }>(
    driver,
    APPLY,
    {
      matter: 'start-a-business',
      applicant,
      key: `bench-${serial}`,
      input: [
        { name: 'companyName', value: `杭州基准测试${serial}有限公司` },
        { name: 'legalForm', value: '有限责任公司(自然人投资或控股)' },
        { name: 'registeredCapital', value: '300000.00' },
        { name: 'address', value: '浙江省杭州市滨江区网商路 699 号' },
        { name: 'businessScope', value: '软件开发' },
        { name: 'taxpayerType', value: 'SMALL_SCALE' },
        { name: 'firstContributionMonth', value: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) },
      ],
    },
    { kind: 'person', sub: applicant },
  );
  const id = body.data?.applyFor?.id;
  return id && !body.errors ? { id } : { problem: JSON.stringify(body).slice(0, 300) };
}

/** The market officer's loop: a page of the queue, each step approved (DECIDERS at once), again until stopped. */
function decideWhatWaits(driver: ApplicationsDriver, problems: string[]): { stop(): Promise<number> } {
  let running = true;
  let failed = 0;
  // A decided step stays in the queue until the engine takes the decision: it is not decided twice.
  const decided = new Set<string>();
  const loop = (async () => {
    while (running) {
      const queue = await post<{ pendingDecisions: Array<{ step: string }> | null }>(
        driver,
        PENDING,
        { first: QUEUE_PAGE },
        OFFICER,
        OFFICER_PURPOSE,
      ).catch((error: unknown) => ({ errors: [String(error)], data: undefined }));
      if (queue.errors) problems.push(`pendingDecisions: ${JSON.stringify(queue.errors).slice(0, 300)}`);
      const steps = (queue.data?.pendingDecisions?.map((entry) => entry.step) ?? []).filter(
        (step) => !decided.has(step),
      );
      if (steps.length === 0) {
        await delay(QUEUE_PAUSE_MS);
        continue;
      }
      const decideNext = async () => {
        for (let step = steps.shift(); step !== undefined; step = steps.shift()) {
          decided.add(step);
          const answer = await post(driver, DECIDE, { step }, OFFICER, OFFICER_PURPOSE).catch((error: unknown) => ({
            errors: [String(error)],
          }));
          if (answer.errors) {
            failed++;
            problems.push(`decide: ${JSON.stringify(answer.errors).slice(0, 300)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: DECIDERS }, decideNext));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return failed;
    },
  };
}

async function post<T>(
  driver: ApplicationsDriver,
  query: string,
  variables: Record<string, unknown>,
  as: CallerClaims,
  purpose?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(driver.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await driver.tokenFor(as)}`,
      ...(purpose ? { 'x-purpose': purpose } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}
