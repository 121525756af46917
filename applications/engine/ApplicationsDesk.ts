import { createHash } from 'node:crypto';
import { DBOS, DBOSClient } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import { badUserInput, graphError } from '../../core/errors.js';
import type { Matter } from '../matters/Matter.js';
import type { Applicant, ApplicationRun, Decision } from './ApplicationRun.js';
import { ApplicationStore, MAX_LIST_LIMIT, type ApplicationView, type PendingDecision } from './ApplicationStore.js';
import { DECISION_TOPIC, stepWorkflowId } from './carryOutStep.js';
import { applicationInputProblem } from './checkApplicationInput.js';
import {
  APPLICATION_WORKFLOW,
  APPLICATIONS_QUEUE,
  ENGINE_NAME,
  ENGINE_VERSION,
  engineSchemaOf,
} from './engineNames.js';

export interface ApplicationsDeskOptions {
  databaseUrl: string;
  /** The applications' tables' schema; DBOS's are in `<schema>_engine`. */
  schema: string;
  matters: readonly Matter[];
  now?: () => Date;
}

export interface ApplyRequest {
  matter: string;
  applicant: Applicant;
  input: Record<string, unknown>;
  /** What the graph answered to the matter's prefill.me, read as the applicant under its purpose. */
  prefilled?: Record<string, unknown>;
  idempotencyKey: string;
}

export interface DecideRequest {
  applicationId: string;
  step: string;
  approve: boolean;
  reason: string;
  /** The officer as the graph verified them: staff id, roles, and the purpose they stated (X-Purpose). */
  officer: { id: string; roles: readonly string[]; purpose: string | null };
}

/** The same applicant and key always name the same application: asking twice makes one. */
export function applicationIdOf(applicant: Applicant, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${applicant.kind}\n${applicant.id}\n${idempotencyKey}`).digest('hex');
  return `app-${digest.slice(0, 32)}`;
}

/**
 * Where applications come in and decisions are made: what the graph's `applyFor`, `decide`,
 * `me.applications` and `pendingDecisions` call (through applications/graph). It runs no workflow:
 * it writes the application and enqueues its workflow in one PostgreSQL transaction (DBOS's
 * client), and any worker replica (startApplicationsWorker) picks it up.
 */
export class ApplicationsDesk {
  readonly store: ApplicationStore;
  readonly #pool: pg.Pool;
  readonly #client: DBOSClient;
  readonly #matters: Map<string, Matter>;
  readonly #now: () => Date;

  private constructor(pool: pg.Pool, client: DBOSClient, options: ApplicationsDeskOptions) {
    this.#pool = pool;
    this.#client = client;
    this.store = new ApplicationStore(pool, options.schema);
    this.#matters = new Map(options.matters.map((matter) => [matter.name, matter]));
    this.#now = options.now ?? (() => new Date());
  }

  static async open(options: ApplicationsDeskOptions): Promise<ApplicationsDesk> {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
    pool.on('error', () => undefined);
    const store = new ApplicationStore(pool, options.schema);
    await store.migrate(() => DBOS.migrate(options.databaseUrl, { schemaName: engineSchemaOf(options.schema) }));
    const client = await DBOSClient.create({
      systemDatabaseUrl: options.databaseUrl,
      systemDatabaseSchemaName: engineSchemaOf(options.schema),
      applicationName: ENGINE_NAME,
    });
    return new ApplicationsDesk(pool, client, options);
  }

  /** Submits an application, or answers the one this applicant already made with this key. */
  async apply(request: ApplyRequest): Promise<ApplicationView> {
    const matter = this.#matters.get(request.matter);
    if (!matter) throw badUserInput('matter', `there is no matter ${JSON.stringify(request.matter.slice(0, 60))}`);
    if (!/^[\w.:-]{8,100}$/.test(request.idempotencyKey))
      throw badUserInput('idempotencyKey', 'must be 8 to 100 letters, digits, dots, colons, dashes or underscores');
    const problem = applicationInputProblem(matter, request.applicant, request.input);
    if (problem) throw problem;
    const id = applicationIdOf(request.applicant, request.idempotencyKey);
    const run: ApplicationRun = {
      id,
      matter,
      applicant: request.applicant,
      input: request.input as Record<string, string>,
      prefilled: request.prefilled ?? {},
    };
    const promisedBy = new Date(this.#now().getTime() + matter.promisedDays * 86_400_000);
    const connection = await this.#pool.connect();
    try {
      await connection.query('BEGIN');
      // The row and the queued workflow commit together: no application without its workflow, nor the reverse.
      if (await this.store.create(connection, run, promisedBy))
        await this.#client.enqueueInTransaction(
          connection,
          {
            queueName: APPLICATIONS_QUEUE,
            workflowName: APPLICATION_WORKFLOW,
            workflowID: id,
            appVersion: ENGINE_VERSION,
          },
          run,
        );
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
    return (await this.store.find(id))!;
  }

  /**
   * Hands an officer's decision to the step waiting for it. Only a step that awaits a decision, by
   * an officer holding the role its matter names; the first decision sent is the one taken.
   */
  async decide(request: DecideRequest): Promise<void> {
    const application = await this.store.find(request.applicationId);
    const step = application?.steps.find((candidate) => candidate.step === request.step);
    if (!application || !step || step.status !== 'AWAITING_DECISION')
      throw badUserInput('step', 'no step of that application awaits a decision');
    const decidedBy = this.#matters.get(application.matter)?.steps[request.step]?.decidedBy;
    if (!decidedBy || !request.officer.roles.includes(decidedBy.role))
      throw graphError('FORBIDDEN', `Only a ${decidedBy?.role ?? 'named officer'} may decide this step.`);
    // The decision is recorded under the matter's purpose for it: an officer states that purpose.
    if (request.officer.purpose !== decidedBy.purpose)
      throw graphError('FORBIDDEN', `Deciding this step needs the purpose ${decidedBy.purpose} (X-Purpose).`);
    if (!request.approve && request.reason.trim() === '')
      throw badUserInput('reason', 'a refusal must say why, in words the applicant understands');
    const decision: Decision = {
      approve: request.approve,
      reason: request.reason.slice(0, 500),
      officer: request.officer.id,
    };
    const target = stepWorkflowId(application.id, request.step);
    await this.#client.send(target, decision, DECISION_TOPIC, `${target}/decision`);
    // Off the officers' queue at once: the step's workflow takes the decision when it next runs.
    await this.store.setStep(application.id, request.step, 'RUNNING', {
      reason: 'Decided; the decision is being carried out.',
    });
  }

  find(applicationId: string): Promise<ApplicationView | null> {
    return this.store.find(applicationId);
  }

  /** The applicant's own applications, newest first, at most `limit`. */
  applicationsOf(applicant: Applicant, limit: number = MAX_LIST_LIMIT): Promise<ApplicationView[]> {
    return this.store.listByApplicant(applicant.id, limit);
  }

  /** The steps of `department` awaiting a decision by one of `roles` (the officer's), oldest first. */
  pendingDecisions(
    department: string,
    roles: readonly string[],
    limit: number = MAX_LIST_LIMIT,
  ): Promise<PendingDecision[]> {
    return this.store.pendingDecisions(department, roles, limit);
  }

  async close(): Promise<void> {
    await this.#client.destroy();
    await this.#pool.end();
  }
}
