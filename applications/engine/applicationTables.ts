/**
 * The applications' own tables, beside DBOS's (which live in `<schema>_engine`): what an applicant
 * and an officer read. DBOS keeps the workflows' checkpoints; these keep the answer to "where is
 * my application" and "what waits for my decision" queryable with plain SQL and indexes.
 */
export function applicationTablesSql(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.applications (
  id text PRIMARY KEY,
  matter text NOT NULL,
  applicant_kind text NOT NULL,
  applicant_id text NOT NULL,
  -- RUNNING until it ends COMPLETED, REFUSED or FAILED; WAITING and AWAITING_DECISION are read off its steps.
  status text NOT NULL,
  reason text,
  officer_tasks jsonb NOT NULL DEFAULT '[]',
  submitted_at timestamptz NOT NULL DEFAULT now(),
  promised_by timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Added after the first release: a database made before gains them here.
-- answers: what the applicant typed, NULL once forgotten (forgetAnswers.ts, APPLICATIONS_KEEP_ANSWERS_DAYS).
ALTER TABLE ${s}.applications ADD COLUMN IF NOT EXISTS answers jsonb;
ALTER TABLE ${s}.applications ADD COLUMN IF NOT EXISTS finished_at timestamptz;
ALTER TABLE ${s}.applications ADD COLUMN IF NOT EXISTS answers_forgotten_at timestamptz;
-- An application that ended before finished_at existed ended when it was last updated (finish sets both).
UPDATE ${s}.applications SET finished_at = updated_at WHERE status <> 'RUNNING' AND finished_at IS NULL;
CREATE INDEX IF NOT EXISTS applications_by_applicant ON ${s}.applications (applicant_id, submitted_at DESC);
-- What the retention job looks for each hour: ended applications whose answers are still kept.
CREATE INDEX IF NOT EXISTS applications_answers_kept ON ${s}.applications (finished_at)
  WHERE finished_at IS NOT NULL AND answers_forgotten_at IS NULL;
CREATE TABLE IF NOT EXISTS ${s}.application_steps (
  application_id text NOT NULL REFERENCES ${s}.applications (id),
  step text NOT NULL,
  position int NOT NULL,
  department text NOT NULL,
  -- PENDING, RUNNING, WAITING, AWAITING_DECISION, DONE, REFUSED, REJECTED, GAVE_UP, UNDONE, NOT_UNDONE
  status text NOT NULL,
  reason text,
  decided_by_role text,
  output jsonb,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, step)
);
CREATE INDEX IF NOT EXISTS application_steps_awaiting ON ${s}.application_steps (department, status)
  WHERE status = 'AWAITING_DECISION';
-- Each status a step passed through, once per status and reason (a replayed write adds nothing).
CREATE TABLE IF NOT EXISTS ${s}.application_step_history (
  application_id text NOT NULL,
  step text NOT NULL,
  status text NOT NULL,
  reason text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (application_id, step, status, reason)
);
-- Each live worker replica, seen every few seconds: one silent too long has its workflows taken over (watchReplicas.ts).
CREATE TABLE IF NOT EXISTS ${s}.replicas (
  executor_id text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
`;
}

/** A schema name for SQL: letters, digits and underscores only, so it can be quoted safely. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a schema name: ${name}`);
  return `"${name}"`;
}
