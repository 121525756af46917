import type pg from 'pg';
import { badUserInput } from '../../core/errors.js';
import type { ApplicationRun } from './ApplicationRun.js';
import { applicationTablesSql, quoteIdentifier } from './applicationTables.js';

export type StepStatus =
  | 'PENDING'
  | 'RUNNING'
  | 'WAITING'
  | 'AWAITING_DECISION'
  | 'DONE'
  | 'REFUSED'
  | 'REJECTED'
  | 'GAVE_UP'
  | 'UNDONE'
  | 'NOT_UNDONE';
export type FinalStatus = 'COMPLETED' | 'REFUSED' | 'FAILED';
const FINAL_STATUSES: readonly FinalStatus[] = ['COMPLETED', 'REFUSED', 'FAILED'];
/** The most applications or decisions one read returns: a page, never the whole table. */
export const MAX_LIST_LIMIT = 100;
/** What an applicant sees: WAITING (a department is down) and AWAITING_DECISION are read off the steps. */
export type ApplicationStatus = 'RUNNING' | 'WAITING' | 'AWAITING_DECISION' | FinalStatus;

export interface StepView {
  step: string;
  department: string;
  status: StepStatus;
  reason: string | null;
  output: Record<string, unknown> | null;
  at: Date;
}

export interface ApplicationView {
  id: string;
  matter: string;
  applicant: { kind: string; id: string };
  status: ApplicationStatus;
  reason: string | null;
  officerTasks: string[];
  /** What the applicant typed; null once forgotten (forgetAnswers.ts), or for one made before answers were kept. */
  answers: Record<string, string> | null;
  submittedAt: Date;
  promisedBy: Date;
  /** When it ended (COMPLETED, REFUSED or FAILED); null while it runs. */
  finishedAt: Date | null;
  steps: StepView[];
}

export interface PendingDecision {
  applicationId: string;
  matter: string;
  step: string;
  department: string;
  role: string;
  since: Date;
}

/** The applications' tables (applicationTables.ts) read and written; DBOS's own stay DBOS's. */
export class ApplicationStore {
  readonly #pool: pg.Pool;
  readonly #s: string;

  constructor(pool: pg.Pool, schema: string) {
    this.#pool = pool;
    this.#s = quoteIdentifier(schema);
  }

  /**
   * Creates the applications' tables, then `alsoUnderLock` (DBOS's own migration), under one
   * advisory lock: two replicas starting together must not both create them; one waits.
   */
  async migrate(alsoUnderLock: () => Promise<void> = async () => undefined): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [this.#s]);
      await client.query(applicationTablesSql(this.#s.slice(1, -1)));
      await alsoUnderLock();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.#s]).catch(() => undefined);
      client.release();
    }
  }

  /** Records a new application and its steps (PENDING) on `client`'s transaction; false when the id is taken. */
  async create(client: pg.PoolClient, run: ApplicationRun, promisedBy: Date): Promise<boolean> {
    const inserted = await client.query(
      `INSERT INTO ${this.#s}.applications (id, matter, applicant_kind, applicant_id, status, promised_by, answers)
       VALUES ($1, $2, $3, $4, 'RUNNING', $5, $6) ON CONFLICT (id) DO NOTHING`,
      [run.id, run.matter.name, run.applicant.kind, run.applicant.id, promisedBy, JSON.stringify(run.input)],
    );
    if (inserted.rowCount === 0) return false;
    const steps = Object.entries(run.matter.steps);
    await client.query(
      `INSERT INTO ${this.#s}.application_steps (application_id, step, position, department, status, decided_by_role)
       SELECT $1, step, position, department, 'PENDING', role
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS t(step, position, department, role)`,
      [
        run.id,
        steps.map(([name]) => name),
        steps.map((_, index) => index),
        steps.map(([, step]) => step.department),
        steps.map(([, step]) => step.decidedBy?.role ?? null),
      ],
    );
    return true;
  }

  /** A step's new status; written again on a replay, it changes nothing and adds no history line. */
  async setStep(
    applicationId: string,
    step: string,
    status: StepStatus,
    details: { reason?: string; output?: Record<string, unknown> } = {},
  ): Promise<void> {
    await this.#pool.query(
      `WITH updated AS (
         UPDATE ${this.#s}.application_steps SET status = $3, reason = $4, output = COALESCE($5, output), at = now()
         WHERE application_id = $1 AND step = $2)
       INSERT INTO ${this.#s}.application_step_history (application_id, step, status, reason)
       VALUES ($1, $2, $3, COALESCE($4, '')) ON CONFLICT DO NOTHING`,
      [applicationId, step, status, details.reason ?? null, details.output ? JSON.stringify(details.output) : null],
    );
  }

  async finish(
    applicationId: string,
    status: FinalStatus,
    reason: string | null,
    officerTasks: string[],
  ): Promise<void> {
    await this.#pool.query(
      // Written again on a replay, it keeps the first end time: the retention clock starts once.
      `UPDATE ${this.#s}.applications SET status = $2, reason = $3, officer_tasks = $4, updated_at = now(),
         finished_at = COALESCE(finished_at, now()) WHERE id = $1`,
      [applicationId, status, reason, JSON.stringify(officerTasks)],
    );
  }

  async find(applicationId: string): Promise<ApplicationView | null> {
    return (await this.#read('id = $1', [applicationId], 1))[0] ?? null;
  }

  /** The applicant's own applications, newest first, at most `limit` (1 to MAX_LIST_LIMIT). */
  async listByApplicant(applicantId: string, limit: number): Promise<ApplicationView[]> {
    return this.#read('applicant_id = $1', [applicantId], checkLimit(limit));
  }

  /**
   * The steps waiting for an officer of `department` who holds one of `roles` (the role each
   * step's matter names), oldest first, at most `limit` (1 to MAX_LIST_LIMIT).
   */
  async pendingDecisions(department: string, roles: readonly string[], limit: number): Promise<PendingDecision[]> {
    const { rows } = await this.#pool.query(
      `SELECT s.application_id, a.matter, s.step, s.department, s.decided_by_role, s.at
       FROM ${this.#s}.application_steps s JOIN ${this.#s}.applications a ON a.id = s.application_id
       WHERE s.department = $1 AND s.status = 'AWAITING_DECISION' AND s.decided_by_role = ANY($2::text[])
       ORDER BY s.at, s.application_id, s.step LIMIT $3`,
      [department, [...roles], checkLimit(limit)],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      matter: row.matter,
      step: row.step,
      department: row.department,
      role: row.decided_by_role,
      since: row.at,
    }));
  }

  /** Every status each step passed through, in order. */
  async history(applicationId: string): Promise<Array<{ step: string; status: StepStatus; reason: string; at: Date }>> {
    const { rows } = await this.#pool.query(
      `SELECT step, status, reason, at FROM ${this.#s}.application_step_history WHERE application_id = $1 ORDER BY at, step`,
      [applicationId],
    );
    return rows;
  }

  /**
   * Ended applications whose answers are kept and whose end is more than `keepDays` days ago, at
   * most `limit`, in id order after `afterId` (a round walks them page by page). Running ones never.
   */
  async answersDue(keepDays: number, afterId: string, limit: number): Promise<string[]> {
    const { rows } = await this.#pool.query<{ id: string }>(
      `SELECT id FROM ${this.#s}.applications
       WHERE finished_at IS NOT NULL AND answers_forgotten_at IS NULL AND status = ANY($1::text[])
         AND finished_at < now() - make_interval(days => $2) AND id > $3
       ORDER BY id LIMIT $4`,
      [FINAL_STATUSES, keepDays, afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Forgets the answers of these ended applications and records when; how many it forgot now. Run
   * twice at once (two replicas), each application is forgotten once and the first time is kept.
   */
  async forgetAnswers(applicationIds: readonly string[]): Promise<number> {
    const { rowCount } = await this.#pool.query(
      `UPDATE ${this.#s}.applications SET answers = NULL, answers_forgotten_at = now()
       WHERE id = ANY($1::text[]) AND answers_forgotten_at IS NULL AND finished_at IS NOT NULL
         AND status = ANY($2::text[])`,
      [[...applicationIds], FINAL_STATUSES],
    );
    return rowCount ?? 0;
  }

  /** The steps of these applications, by name: each one's DBOS workflow is `<id>/<step>`. */
  async stepsOf(applicationIds: readonly string[]): Promise<Array<{ id: string; step: string }>> {
    const { rows } = await this.#pool.query<{ id: string; step: string }>(
      `SELECT application_id AS id, step FROM ${this.#s}.application_steps WHERE application_id = ANY($1::text[])`,
      [[...applicationIds]],
    );
    return rows;
  }

  async #read(where: string, values: unknown[], limit: number): Promise<ApplicationView[]> {
    // The page of applications is chosen first (by the applicant's index), then each one's steps are read.
    const { rows } = await this.#pool.query(
      `SELECT a.*, COALESCE((
         SELECT json_agg(json_build_object('step', s.step, 'department', s.department, 'status', s.status,
           'reason', s.reason, 'output', s.output, 'at', s.at) ORDER BY s.position)
         FROM ${this.#s}.application_steps s WHERE s.application_id = a.id), '[]') AS steps
       FROM (SELECT * FROM ${this.#s}.applications WHERE ${where}
             ORDER BY submitted_at DESC, id DESC LIMIT $${values.length + 1}) a
       ORDER BY a.submitted_at DESC, a.id DESC`,
      [...values, limit],
    );
    return rows.map((row) => toApplicationView(row));
  }
}

function toApplicationView(row: Record<string, unknown>): ApplicationView {
  const steps = (row.steps as Array<Omit<StepView, 'at'> & { at: string }>).map((step) => ({
    ...step,
    at: new Date(step.at),
  }));
  const stored = row.status as FinalStatus | 'RUNNING';
  // A department down anywhere is what the applicant most needs to know; then a decision awaited.
  const status: ApplicationStatus =
    stored !== 'RUNNING'
      ? stored
      : steps.some((step) => step.status === 'WAITING')
        ? 'WAITING'
        : steps.some((step) => step.status === 'AWAITING_DECISION')
          ? 'AWAITING_DECISION'
          : 'RUNNING';
  const waiting = steps.find((step) => step.status === 'WAITING');
  return {
    id: row.id as string,
    matter: row.matter as string,
    applicant: { kind: row.applicant_kind as string, id: row.applicant_id as string },
    status,
    reason: (status === 'WAITING' ? waiting?.reason : (row.reason as string | null)) ?? null,
    officerTasks: row.officer_tasks as string[],
    answers: (row.answers as Record<string, string> | null) ?? null,
    submittedAt: row.submitted_at as Date,
    promisedBy: row.promised_by as Date,
    finishedAt: (row.finished_at as Date | null) ?? null,
    steps,
  };
}

/** A page size the caller asked for, checked: a whole number from 1 to MAX_LIST_LIMIT. */
function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT)
    throw badUserInput('limit', `must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
  return limit;
}
