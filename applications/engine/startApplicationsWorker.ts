import { DBOS, type DLogger } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import type { ApplicationRun, StepResult } from './ApplicationRun.js';
import { ApplicationStore } from './ApplicationStore.js';
import { carryOutApplication } from './carryOutApplication.js';
import { carryOutStep, type StepDependencies } from './carryOutStep.js';
import type { DepartmentActions } from './DepartmentActions.js';
import { PRODUCTION_TIMING, type EngineTiming } from './EngineTiming.js';
import {
  FORGET_ANSWERS_EVERY_SECONDS,
  forgetAnswers,
  forgetAnswersRegularly,
  KEEP_ANSWERS_DAYS_DEFAULT,
} from './forgetAnswers.js';
import { PRODUCTION_REPLICA_WATCH, watchReplicas, type ReplicaWatch } from './watchReplicas.js';
import {
  APPLICATION_WORKFLOW,
  APPLICATIONS_QUEUE,
  ENGINE_NAME,
  ENGINE_VERSION,
  engineSchemaOf,
  STEP_WORKFLOW,
} from './engineNames.js';

export interface ApplicationsWorkerOptions {
  databaseUrl: string;
  schema: string;
  /**
   * This replica's own name, stable across its restarts (a StatefulSet pod's name, a host's):
   * DBOS tags each workflow with the executor running it and, at launch, recovers the pending
   * workflows tagged with its own. Two live replicas must never share one.
   */
  executorId: string;
  actions: DepartmentActions;
  timing?: EngineTiming;
  /** How many applications this replica carries at once. */
  concurrency?: number;
  /** How often an idle replica looks for queued applications, in ms. */
  pollingIntervalMs?: number;
  logLevel?: string;
  /** How replicas watch each other, so a dead one's applications go on elsewhere. */
  replicaWatch?: ReplicaWatch;
  /** Told when this replica takes over a silent one's workflows. */
  onTakeOver?: (executorId: string, workflows: number) => void;
  /** Where DBOS's own lines go (dbosLogger: the piece's logger); unset, DBOS's console at `logLevel`. */
  logger?: DLogger;
  /** Days an ended application's answers and DBOS's records of it are kept (APPLICATIONS_KEEP_ANSWERS_DAYS). */
  keepAnswersDays?: number;
  /** Told how many applications a retention round forgot (once at start, then hourly), when any. */
  onAnswersForgotten?: (applications: number) => void;
}

export interface ApplicationsWorker {
  stop(): Promise<void>;
}

let started = false;

/**
 * Runs applications: DBOS Transact in this process, on PostgreSQL. DBOS is one per process (its
 * registry of workflows is global), so this starts once. At launch DBOS recovers this executor's
 * pending workflows from their last checkpoint; then it takes queued applications from the
 * shared queue, each claimed by one replica in a transaction (SELECT … FOR UPDATE SKIP LOCKED),
 * up to `concurrency` at a time.
 */
export async function startApplicationsWorker(options: ApplicationsWorkerOptions): Promise<ApplicationsWorker> {
  if (started) throw new Error('The applications worker runs once per process (DBOS is one per process).');
  started = true;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  // An idle connection the server ended (a restart, a stop under Ctrl-C) is replaced on next use, not a crash.
  pool.on('error', () => undefined);
  const store = new ApplicationStore(pool, options.schema);
  const engineSchema = engineSchemaOf(options.schema);
  await store.migrate(() => DBOS.migrate(options.databaseUrl, { schemaName: engineSchema }));
  registerWorkflows({ actions: options.actions, store, timing: options.timing ?? PRODUCTION_TIMING });
  DBOS.setConfig({
    name: ENGINE_NAME,
    systemDatabaseUrl: options.databaseUrl,
    systemDatabaseSchemaName: engineSchema,
    executorID: options.executorId,
    applicationVersion: ENGINE_VERSION,
    logLevel: options.logLevel ?? 'warn',
    ...(options.logger ? { logger: options.logger } : {}),
    runMigrations: false,
  });
  await DBOS.launch();
  await DBOS.registerQueue(APPLICATIONS_QUEUE, {
    workerConcurrency: options.concurrency ?? 20,
    minPollingIntervalMs: options.pollingIntervalMs ?? 1000,
    onConflict: 'always_update',
  });
  const watch = watchReplicas(
    pool,
    options.schema,
    options.executorId,
    options.replicaWatch ?? PRODUCTION_REPLICA_WATCH,
    options.onTakeOver,
  );
  // Every replica runs it: the rounds are safe side by side (forgetAnswers.ts), so no leader is needed.
  const retention = forgetAnswersRegularly(
    () =>
      forgetAnswers(
        store,
        {
          listWorkflows: (input) => DBOS.listWorkflows(input),
          deleteWorkflows: (ids, children) => DBOS.deleteWorkflows(ids, children),
        },
        options.keepAnswersDays ?? KEEP_ANSWERS_DAYS_DEFAULT,
      ),
    FORGET_ANSWERS_EVERY_SECONDS,
    (forgotten) => {
      if (forgotten > 0) options.onAnswersForgotten?.(forgotten);
    },
    (error) =>
      DBOS.logger.error(
        `Forgetting ended applications' answers failed; tried again within the hour: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
  return {
    async stop() {
      await retention.stop();
      await watch.stop();
      await DBOS.shutdown();
      await pool.end();
    },
  };
}

function registerWorkflows(dependencies: StepDependencies): void {
  const step = DBOS.registerWorkflow(
    (
      application: ApplicationRun,
      name: string,
      outputs: Record<string, Record<string, unknown>>,
    ): Promise<StepResult> => carryOutStep(dependencies, application, name, outputs),
    { name: STEP_WORKFLOW },
  );
  DBOS.registerWorkflow((application: ApplicationRun) => carryOutApplication(dependencies, step, application), {
    name: APPLICATION_WORKFLOW,
  });
}
