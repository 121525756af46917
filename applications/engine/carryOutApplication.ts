import { DBOS } from '@dbos-inc/dbos-sdk';
import { stepWaves } from '../matters/stepOrder.js';
import type { ApplicationRun, StepResult } from './ApplicationRun.js';
import type { FinalStatus } from './ApplicationStore.js';
import { actingFor, performDurably, stepWorkflowId, type StepDependencies } from './carryOutStep.js';
import { resolveStepInput } from './resolveStepInput.js';

/** How an application ended, as its workflow returns it (and the applications table says). */
export interface ApplicationOutcome {
  status: FinalStatus;
  reason: string | null;
  officerTasks: string[];
}

type StartStep = (
  application: ApplicationRun,
  step: string,
  outputs: Record<string, Record<string, unknown>>,
) => Promise<StepResult>;

/**
 * One application, as a DBOS workflow whose id is the application's: its matter's steps in
 * dependency order, each wave of steps that wait for nothing unfinished started together as
 * child workflows (in the file's order, so a replay finds each checkpoint where it left it).
 * A refusal, a rejection or a department down for longer than the matter allows stops it: what
 * was done is undone (newest first), and what cannot be undone becomes an officer's task.
 */
export async function carryOutApplication(
  dependencies: StepDependencies,
  runStepWorkflow: StartStep,
  application: ApplicationRun,
): Promise<ApplicationOutcome> {
  const outputs: Record<string, Record<string, unknown>> = {};
  const done: string[] = [];
  for (const wave of stepWaves(application.matter.steps)) {
    const handles = [];
    for (const step of wave)
      handles.push(
        await DBOS.startWorkflow(runStepWorkflow, { workflowID: stepWorkflowId(application.id, step) })(
          application,
          step,
          { ...outputs },
        ),
      );
    const results: StepResult[] = [];
    for (const handle of handles) results.push(await handle.getResult());
    for (const result of results)
      if (result.outcome === 'done') {
        outputs[result.step] = result.output;
        done.push(result.step);
      }
    const stop = results.find((result) => result.outcome !== 'done');
    if (stop) {
      const officerTasks = await undoDone(dependencies, application, done, stop.step, outputs);
      const ending = endingOf(application, stop);
      return finish(dependencies, application.id, { ...ending, officerTasks });
    }
  }
  return finish(dependencies, application.id, { status: 'COMPLETED', reason: null, officerTasks: [] });
}

function endingOf(
  application: ApplicationRun,
  stop: Extract<StepResult, { reason: string }>,
): { status: FinalStatus; reason: string } {
  const step = application.matter.steps[stop.step]!;
  if (stop.outcome === 'gave-up')
    return {
      status: 'FAILED',
      reason: `The ${step.department} department could not be reached for ${application.matter.keepTryingFor} (${stop.reason}). What was done has been undone; please apply again.`,
    };
  return { status: 'REFUSED', reason: `${step.refusal} ${stop.reason}`.trim() };
}

async function finish(
  dependencies: StepDependencies,
  applicationId: string,
  outcome: ApplicationOutcome,
): Promise<ApplicationOutcome> {
  await DBOS.runStep(
    () => dependencies.store.finish(applicationId, outcome.status, outcome.reason, outcome.officerTasks),
    { name: `record ${outcome.status}` },
  );
  return outcome;
}

/**
 * Undoes the done steps, newest first: each `undo:` action performed durably under the key
 * `<application>/<step>/undo`; a step without one, or whose undo is refused or cannot reach its
 * department, becomes an officer's task in the matter's words. A rejection's own undo
 * (`rejectionUndoes:`) needs nothing more.
 */
async function undoDone(
  dependencies: StepDependencies,
  application: ApplicationRun,
  done: string[],
  stoppedAt: string,
  outputs: Record<string, Record<string, unknown>>,
): Promise<string[]> {
  const { matter } = application;
  const settled = new Set(matter.steps[stoppedAt]!.rejectionUndoes ?? []);
  const officerTasks: string[] = [];
  const record = (name: string, status: 'UNDONE' | 'NOT_UNDONE', reason: string) =>
    DBOS.runStep(() => dependencies.store.setStep(application.id, name, status, { reason }), {
      name: `record ${status}`,
    });
  for (const name of [...done].reverse()) {
    const step = matter.steps[name]!;
    if (settled.has(name)) {
      await record(name, 'UNDONE', `Undone by the decision on ${stoppedAt}.`);
      continue;
    }
    if (!step.undo) {
      officerTasks.push(step.noUndo ?? `An officer of the ${step.department} department must undo ${name} by hand.`);
      await record(name, 'NOT_UNDONE', officerTasks.at(-1)!);
      continue;
    }
    const input = resolveStepInput(step.undo.input, { application, outputs });
    const as = actingFor(step.undo.actsFor ?? step.actsFor, { application, outputs });
    const key = `${stepWorkflowId(application.id, name)}/undo`;
    const outcome = await performDurably(
      dependencies,
      application,
      name,
      step.department,
      step.undo.action,
      input,
      key,
      as,
    );
    if (outcome.outcome === 'done') {
      await record(name, 'UNDONE', `${step.undo.action} done.`);
    } else {
      officerTasks.push(
        `An officer of the ${step.department} department must ${step.undo.action} for ${name} by hand: ${outcome.reason}`,
      );
      await record(name, 'NOT_UNDONE', officerTasks.at(-1)!);
    }
  }
  return officerTasks;
}
