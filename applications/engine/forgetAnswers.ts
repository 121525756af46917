import type { ApplicationStore } from './ApplicationStore.js';
import { stepWorkflowId } from './carryOutStep.js';

/** How long an ended application's answers are kept unless APPLICATIONS_KEEP_ANSWERS_DAYS says otherwise. */
export const KEEP_ANSWERS_DAYS_DEFAULT = 365;
/** How often a worker replica forgets what is due, besides once at its start. */
export const FORGET_ANSWERS_EVERY_SECONDS = 3600;
/** Applications forgotten per transaction of DBOS's: a round of years' backlog stays many short ones. */
const BATCH = 200;
/** DBOS's statuses of a workflow that has not ended: its records are never deleted. */
const NOT_ENDED = new Set(['ENQUEUED', 'PENDING', 'DELAYED']);

/**
 * DBOS's records of workflows, as DBOS (in a worker) and DBOSClient (anywhere) both offer them:
 * `deleteWorkflows(ids, true)` deletes each workflow with its descendants, in one transaction,
 * from every table of DBOS's that holds them (workflow_input, workflow_output, operation_outputs,
 * workflow_status, and by its cascades notifications, workflow_events, workflow_events_history,
 * streams).
 */
export interface WorkflowRecords {
  listWorkflows(input: {
    workflowIDs: string[];
    loadInput: false;
    loadOutput: false;
  }): Promise<Array<{ workflowID: string; status: string }>>;
  deleteWorkflows(workflowIDs: string[], deleteChildren: boolean): Promise<void>;
}

/**
 * Retention of an application's personal data (APPLICATIONS_KEEP_ANSWERS_DAYS): once an
 * application has ended (COMPLETED, REFUSED, FAILED) more than `keepDays` days ago, its answers
 * are set to NULL (answers_forgotten_at says when), and DBOS's records of its
 * workflow (id: the application's) and its steps' (`<id>/<step>`) are deleted: their inputs hold
 * what the applicant typed and what was pre-filled, their outputs and checkpoints what departments
 * and officers answered. The application's row, its steps' statuses, outputs and history stay.
 *
 * Running applications are never touched, in our table (status and finished_at) nor in DBOS's (a
 * workflow DBOS has not ended yet is left for a later round). DBOS's records go first, then the
 * answers: a round cut short between the two is finished by the next one. Two replicas running a
 * round at once delete the same rows twice (the second delete finds nothing) and forget each
 * application once. Returns how many applications this round forgot.
 */
export async function forgetAnswers(
  store: ApplicationStore,
  workflows: WorkflowRecords,
  keepDays: number,
): Promise<number> {
  let forgotten = 0;
  let afterId = '';
  for (;;) {
    const due = await store.answersDue(keepDays, afterId, BATCH);
    if (due.length === 0) return forgotten;
    afterId = due.at(-1)!;
    const states = await workflows.listWorkflows({ workflowIDs: due, loadInput: false, loadOutput: false });
    const notEnded = new Set(states.filter((state) => NOT_ENDED.has(state.status)).map((state) => state.workflowID));
    const ended = due.filter((id) => !notEnded.has(id));
    if (ended.length > 0) {
      const steps = await store.stepsOf(ended);
      // DBOS finds the children by their parent link; naming them too costs one query and does not rest on it.
      await workflows.deleteWorkflows([...ended, ...steps.map(({ id, step }) => stepWorkflowId(id, step))], true);
      forgotten += await store.forgetAnswers(ended);
    }
    if (due.length < BATCH) return forgotten;
  }
}

/**
 * Runs forgetAnswers at once and then every `everySeconds`, one round at a time. A failed round
 * (the database away) is told to `onError` and tried again at the next tick.
 */
export function forgetAnswersRegularly(
  round: () => Promise<number>,
  everySeconds: number,
  onRound: (forgotten: number) => void,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running
      .then(round)
      .then(onRound, onError)
      .catch(() => undefined);
  };
  const timer = setInterval(run, everySeconds * 1000);
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
