import { DBOS } from '@dbos-inc/dbos-sdk';
import { durationSeconds, type MatterStep } from '../matters/Matter.js';
import type { ApplicationRun, Decision, StepResult } from './ApplicationRun.js';
import type { ApplicationStore, StepStatus } from './ApplicationStore.js';
import type { ActingAs, ActionOutcome, DepartmentActions } from './DepartmentActions.js';
import type { EngineTiming } from './EngineTiming.js';
import { resolveStepInput } from './resolveStepInput.js';

/** The topic `decide` sends an officer's decision on, to the step's own workflow. */
export const DECISION_TOPIC = 'decision';

export interface StepDependencies {
  actions: DepartmentActions;
  store: ApplicationStore;
  timing: EngineTiming;
}

/** The workflow id of one step of one application: `decide` sends to it, a replay finds it again. */
export function stepWorkflowId(applicationId: string, step: string): string {
  return `${applicationId}/${step}`;
}

/**
 * One step, as a DBOS workflow of its own (a child of the application's, so parallel steps each
 * replay their own checkpoints in order): perform the department's action, or first wait for an
 * officer's decision (DBOS.recv: a row in PostgreSQL, no memory held, for days if need be).
 */
export async function carryOutStep(
  dependencies: StepDependencies,
  application: ApplicationRun,
  name: string,
  outputs: Record<string, Record<string, unknown>>,
): Promise<StepResult> {
  const step = application.matter.steps[name]!;
  const record = (status: StepStatus, details: { reason?: string; output?: Record<string, unknown> } = {}) =>
    DBOS.runStep(() => dependencies.store.setStep(application.id, name, status, details), {
      name: `record ${status}`,
    });
  await record('RUNNING');
  let decision: Decision | undefined;
  if (step.decidedBy) {
    await record('AWAITING_DECISION', { reason: `Waiting for a ${step.decidedBy.role}'s decision.` });
    decision = await awaitDecision(dependencies, step, record);
    await record('RUNNING');
  }
  const sources = { application, outputs, ...(decision ? { decision } : {}) };
  const input = resolveStepInput(step.input, sources);
  const key = stepWorkflowId(application.id, name);
  const as: ActingAs =
    decision && step.decidedBy
      ? { kind: 'officer', id: decision.officer, roles: [step.decidedBy.role], purpose: step.decidedBy.purpose }
      : actingFor(step.actsFor, sources);
  const outcome = await performDurably(dependencies, application, name, step.department, step.action, input, key, as);
  if (outcome.outcome === 'unavailable') {
    await record('GAVE_UP', { reason: outcome.reason });
    return { step: name, outcome: 'gave-up', reason: outcome.reason };
  }
  if (outcome.outcome === 'refused') {
    await record('REFUSED', { reason: outcome.reason });
    return { step: name, outcome: 'refused', reason: outcome.reason };
  }
  if (decision && !decision.approve) {
    await record('REJECTED', { reason: decision.reason });
    return { step: name, outcome: 'rejected', reason: decision.reason };
  }
  await record('DONE', { output: outcome.output });
  return { step: name, outcome: 'done', output: outcome.output };
}

async function awaitDecision(
  dependencies: StepDependencies,
  step: MatterStep,
  record: (status: StepStatus, details: { reason?: string }) => Promise<void>,
): Promise<Decision> {
  const within = dependencies.timing.decisionReminderSeconds ?? durationSeconds(step.decidedBy!.within);
  for (let round = 1; ; round++) {
    const decision = await DBOS.recv<Decision>(DECISION_TOPIC, within);
    if (decision) return decision;
    // Overdue: said where officers and the applicant look, then awaited again; nobody decides by timeout.
    await record('AWAITING_DECISION', {
      reason: `Waiting for a ${step.decidedBy!.role}'s decision: overdue (round ${round} of ${step.decidedBy!.within}).`,
    });
  }
}

/**
 * Whom a step (or its undo) acts for: the applicant, as the kind they applied as; or the company
 * the matter's `actsFor:` names (a USCC an earlier step answered: the company it registered acts
 * as itself). The kind is never guessed from an id's shape: some resident IDs are valid USCCs too.
 */
export function actingFor(source: string | undefined, sources: Parameters<typeof resolveStepInput>[1]): ActingAs {
  const { applicant } = sources.application;
  const asApplicant: ActingAs = {
    kind: applicant.kind === 'company' ? 'company' : 'person',
    id: applicant.id,
    roles: [],
    purpose: null,
  };
  if (!source) return asApplicant;
  const id = resolveStepInput({ id: source }, sources).id;
  return typeof id === 'string' && id !== '' ? { kind: 'company', id, roles: [], purpose: null } : asApplicant;
}

/**
 * One department action, taking effect once: DBOS checkpoints its answer, so a replay after the
 * answer was stored does not ask again; a crash between the department's write and the checkpoint
 * asks again under the same idempotency key, and the department answers its first answer.
 * Unavailable: the step is WAITING with the reason while DBOS retries it with backoff, round
 * after round with a durable pause between, until `keepTryingFor` has passed.
 */
export async function performDurably(
  dependencies: StepDependencies,
  application: ApplicationRun,
  step: string,
  department: string,
  action: string,
  input: Record<string, unknown>,
  idempotencyKey: string,
  as: ActingAs,
): Promise<ActionOutcome> {
  const { timing, store, actions } = dependencies;
  const on = { as, matter: application.matter.name, application: application.id };
  const deadline = (await DBOS.now()) + durationSeconds(application.matter.keepTryingFor) * 1000;
  const attempt = async (): Promise<ActionOutcome> => {
    const outcome = await actions.perform(department, action, input, idempotencyKey, on);
    if (outcome.outcome !== 'unavailable') return outcome;
    // Written from inside the attempt (not checkpointed, idempotent): the applicant sees it while retries go on.
    await store.setStep(application.id, step, 'WAITING', { reason: outcome.reason });
    throw new Error(outcome.reason);
  };
  for (let round = 1; ; round++) {
    try {
      return await DBOS.runStep(attempt, {
        name: `${department}.${action}`,
        retriesAllowed: true,
        intervalSeconds: timing.intervalSeconds,
        backoffRate: timing.backoffRate,
        maxAttempts: timing.attemptsPerRound,
      });
    } catch (error) {
      const reason = lastReason(error);
      const now = await DBOS.now();
      if (now >= deadline) return { outcome: 'unavailable', reason };
      await DBOS.sleepms(Math.min(timing.roundPauseSeconds * 1000, deadline - now));
      await DBOS.runStep(
        () => store.setStep(application.id, step, 'RUNNING', { reason: `Asking again (round ${round + 1}).` }),
        {
          name: 'record RUNNING',
        },
      );
    }
  }
}

/** The department's own words from the last attempt of a round (DBOS gathers each attempt's error). */
function lastReason(error: unknown): string {
  const attempts = (error as { errors?: Array<{ message?: string }> }).errors;
  const last = attempts?.at(-1)?.message ?? (error instanceof Error ? error.message : String(error));
  return last;
}
