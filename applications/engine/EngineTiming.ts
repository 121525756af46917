/**
 * How the engine asks a department that is down again, on DBOS's own step retries
 * (`retriesAllowed`, `intervalSeconds`, `backoffRate`, `maxAttempts`): a round of quick retries
 * with backoff, then a durable sleep (DBOS.sleepms: nothing held in memory, survives a restart)
 * and another round, until the matter's `keepTryingFor` has passed since the step began.
 */
export interface EngineTiming {
  intervalSeconds: number;
  backoffRate: number;
  attemptsPerRound: number;
  /** The durable pause between two rounds. */
  roundPauseSeconds: number;
  /** How long an officer's decision is awaited before the step is marked overdue (and awaited again). */
  decisionReminderSeconds?: number;
}

/** A department down for minutes is caught by the first round; for days, by a round every 10 minutes. */
export const PRODUCTION_TIMING: EngineTiming = {
  intervalSeconds: 2,
  backoffRate: 2,
  attemptsPerRound: 6,
  roundPauseSeconds: 600,
};
