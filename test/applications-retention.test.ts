import { DBOSClient } from '@dbos-inc/dbos-sdk';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationsDesk } from '../applications/engine/ApplicationsDesk.js';
import {
  ApplicationStore,
  type ApplicationStatus,
  type ApplicationView,
} from '../applications/engine/ApplicationStore.js';
import { engineSchemaOf, ENGINE_NAME } from '../applications/engine/engineNames.js';
import { forgetAnswers } from '../applications/engine/forgetAnswers.js';
import { loadMatters, repositoryMatterContext } from '../applications/matters/loadMatters.js';
import { plannedMutationsOf } from '../applications/matters/testing/plannedMutationsOf.js';
import {
  applicationsDatabaseUnavailable,
  createApplicationsTestDatabase,
  type ApplicationsTestDatabase,
} from '../applications/testing/applicationsTestDatabase.js';
import { DepartmentStandIn } from '../applications/testing/departmentStandIn.js';
import { startEngineProcess, type EngineProcess } from '../applications/testing/startEngineProcess.js';

/**
 * Retention (forgetAnswers.ts): an application that ended more than APPLICATIONS_KEEP_ANSWERS_DAYS
 * (365 by default, as the test's worker runs) ago loses its answers and DBOS's records of its
 * workflows; one that ended recently, and one still running, keep theirs. On the machine's
 * PostgreSQL, the worker a real process, the departments a real HTTP stand-in.
 */
const skipReason = await applicationsDatabaseUnavailable();
const founder = { kind: 'resident' as const, id: '330106199001011234' };
const otherFounder = { kind: 'resident' as const, id: '330106198505052345' };
const business = {
  companyName: 'West Lake Tea Trading',
  legalForm: '有限责任公司(自然人独资)',
  registeredCapital: '100000.00',
  address: '1 Longjing Road, Hangzhou',
  businessScope: 'Tea trading',
  taxpayerType: 'SMALL_SCALE',
  firstContributionMonth: '2027-01',
};
/** Longer ago than the default 365 days. */
const LONG_AGO_DAYS = 400;

describe.skipIf(skipReason !== null)(`applications retention${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let database: ApplicationsTestDatabase;
  let standIn: DepartmentStandIn;
  let standInUrl: string;
  let desk: ApplicationsDesk;
  let engine: EngineProcess;
  const startEngine = () =>
    startEngineProcess({ databaseUrl: database.url, schema: database.schema, executorId: 'replica-1', standInUrl });

  beforeAll(async () => {
    database = await createApplicationsTestDatabase();
    standIn = new DepartmentStandIn();
    standInUrl = await standIn.start();
    const { matters } = loadMatters(repositoryMatterContext(plannedMutationsOf));
    const startABusiness = matters.find((matter) => matter.name === 'start-a-business')!;
    // The same matter without its officer's decision: it ends on its own.
    const { approve: _approve, ...undecided } = startABusiness.steps;
    const quick = { ...startABusiness, name: 'quick-business', steps: undecided };
    desk = await ApplicationsDesk.open({
      databaseUrl: database.url,
      schema: database.schema,
      matters: [...matters, quick],
    });
    engine = await startEngine();
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    await desk?.close();
    await standIn?.stop();
    await database?.dispose();
  }, 30_000);

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const statusOf = (id: string, status: ApplicationStatus) =>
    until(
      `${id} ${status}`,
      async () => (await desk.find(id))!,
      (view) => view.status === status,
    );
  const apply = (matter: string, key: string, applicant = founder) =>
    desk.apply({ matter, applicant, input: business, idempotencyKey: key });
  /** Moves an application's end (and submission) back by `days`, as if that long had passed. */
  const endedDaysAgo = (id: string, days: number) =>
    database.query(
      `UPDATE "${database.schema}".applications
       SET finished_at = finished_at - make_interval(days => $2), submitted_at = submitted_at - make_interval(days => $2)
       WHERE id = $1`,
      [id, days],
    );
  /** DBOS's rows of an application's workflow and its steps' workflows, by table. */
  async function dbosRowsOf(id: string): Promise<Record<string, number>> {
    const engine = `"${engineSchemaOf(database.schema)}"`;
    const counts: Record<string, number> = {};
    for (const table of ['workflow_status', 'workflow_input', 'workflow_output', 'operation_outputs']) {
      const { rows } = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${engine}.${table} WHERE workflow_uuid = $1 OR workflow_uuid LIKE $2`,
        [id, `${id}/%`],
      );
      counts[table] = rows[0]!.n;
    }
    return counts;
  }
  const forgottenAt = async (id: string) =>
    (
      await database.query<{ answers_forgotten_at: Date | null }>(
        `SELECT answers_forgotten_at FROM "${database.schema}".applications WHERE id = $1`,
        [id],
      )
    ).rows[0]!.answers_forgotten_at;

  let endedLongAgo: ApplicationView;
  let refusedLongAgo: ApplicationView;
  let endedYesterday: ApplicationView;
  let stillRunning: ApplicationView;

  it('keeps what the applicant typed, and when the application ended', async () => {
    endedLongAgo = await statusOf((await apply('quick-business', 'retention-long-ago')).id, 'COMPLETED');
    endedYesterday = await statusOf((await apply('quick-business', 'retention-yesterday')).id, 'COMPLETED');
    standIn.refusals.set('registerTaxpayer', 'The bureau already holds a taxpayer registration under this name.');
    try {
      refusedLongAgo = await statusOf((await apply('quick-business', 'retention-refused')).id, 'REFUSED');
    } finally {
      standIn.refusals.delete('registerTaxpayer');
    }
    stillRunning = await statusOf((await apply('start-a-business', 'retention-running')).id, 'AWAITING_DECISION');
    for (const view of [endedLongAgo, endedYesterday, refusedLongAgo, stillRunning])
      expect(view.answers).toEqual(business);
    expect(endedLongAgo.finishedAt).toBeInstanceOf(Date);
    expect(endedLongAgo.finishedAt!.getTime()).toBeGreaterThanOrEqual(endedLongAgo.submittedAt.getTime());
    expect(stillRunning.finishedAt).toBeNull();
    // Each has its workflows' inputs in DBOS's tables: what retention must delete.
    for (const view of [endedLongAgo, endedYesterday, refusedLongAgo, stillRunning])
      expect((await dbosRowsOf(view.id)).workflow_input).toBeGreaterThan(1);
  }, 60_000);

  it("forgets, at the worker's start, the answers and DBOS's records of applications that ended over 365 days ago", async () => {
    await endedDaysAgo(endedLongAgo.id, LONG_AGO_DAYS);
    await endedDaysAgo(refusedLongAgo.id, LONG_AGO_DAYS);
    await endedDaysAgo(endedYesterday.id, 1);
    // A running application has no end; one submitted long ago is still never touched.
    await database.query(
      `UPDATE "${database.schema}".applications SET submitted_at = submitted_at - make_interval(days => $2) WHERE id = $1`,
      [stillRunning.id, LONG_AGO_DAYS],
    );
    await engine.stop();
    engine = await startEngine();
    await until(
      'the long-ago applications forgotten',
      () => forgottenAt(refusedLongAgo.id),
      (at) => at !== null,
    );
    await until(
      'the long-ago applications forgotten',
      () => forgottenAt(endedLongAgo.id),
      (at) => at !== null,
    );

    for (const view of [endedLongAgo, refusedLongAgo]) {
      const now = (await desk.find(view.id))!;
      expect(now.answers).toBeNull();
      // The record of what happened stays: status, reason, steps and their outputs.
      expect(now.status).toBe(view.status);
      expect(now.steps).toEqual(view.steps);
      expect(await dbosRowsOf(view.id)).toEqual({
        workflow_status: 0,
        workflow_input: 0,
        workflow_output: 0,
        operation_outputs: 0,
      });
    }
    for (const view of [endedYesterday, stillRunning]) {
      expect((await desk.find(view.id))!.answers).toEqual(business);
      expect(await forgottenAt(view.id)).toBeNull();
      const rows = await dbosRowsOf(view.id);
      expect(rows.workflow_input).toBeGreaterThan(1);
      expect(rows.operation_outputs).toBeGreaterThan(0);
    }
  }, 60_000);

  it('leaves a running application waiting for its decision after its neighbours were forgotten', async () => {
    const step = stillRunning.steps.find((candidate) => candidate.step === 'approve')!;
    expect(step.status).toBe('AWAITING_DECISION');
    const pending = await desk.pendingDecisions('market', ['market-officer']);
    expect(pending.map((decision) => decision.applicationId)).toContain(stillRunning.id);
  }, 30_000);

  it('forgets each application once when two replicas run a round at the same time', async () => {
    const ended = await statusOf((await apply('quick-business', 'retention-two-replicas')).id, 'COMPLETED');
    await endedDaysAgo(ended.id, LONG_AGO_DAYS);
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const clients = await Promise.all(
      [1, 2].map(() =>
        DBOSClient.create({
          systemDatabaseUrl: database.url,
          systemDatabaseSchemaName: engineSchemaOf(database.schema),
          applicationName: ENGINE_NAME,
        }),
      ),
    );
    try {
      const store = new ApplicationStore(pool, database.schema);
      const counts = await Promise.all(clients.map((client) => forgetAnswers(store, client, 365)));
      expect(counts.sort()).toEqual([0, 1]);
      expect((await desk.find(ended.id))!.answers).toBeNull();
      expect((await dbosRowsOf(ended.id)).workflow_input).toBe(0);
      // Nothing else was due: the recent and the running ones are still kept.
      expect(await forgetAnswers(store, clients[0]!, 365)).toBe(0);
      expect((await desk.find(endedYesterday.id))!.answers).toEqual(business);
      expect((await desk.find(stillRunning.id))!.answers).toEqual(business);
    } finally {
      await Promise.all(clients.map((client) => client.destroy()));
      await pool.end();
    }
  }, 60_000);

  describe('pages', () => {
    let store: ApplicationStore;
    let pool: pg.Pool;
    beforeAll(() => {
      pool = new pg.Pool({ connectionString: database.url, max: 2 });
      store = new ApplicationStore(pool, database.schema);
    });
    afterAll(() => pool.end());

    it("lists an applicant's own applications newest first, at most the limit", async () => {
      const other = await apply('quick-business', 'retention-other-applicant', otherFounder);
      const all = await store.listByApplicant(founder.id, 100);
      expect(all.map((view) => view.id)).not.toContain(other.id);
      expect(all.length).toBeGreaterThanOrEqual(5);
      const times = all.map((view) => view.submittedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect((await store.listByApplicant(founder.id, 2)).map((view) => view.id)).toEqual(
        all.slice(0, 2).map((view) => view.id),
      );
    });

    it('refuses a limit outside 1 to 100 with BAD_USER_INPUT', async () => {
      for (const limit of [0, 101, 2.5])
        await expect(store.listByApplicant(founder.id, limit)).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
        });
      await expect(store.pendingDecisions('market', ['market-officer'], 0)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
      });
    });

    it("lists only the pending decisions of the officer's roles", async () => {
      const ids = async (roles: string[]) =>
        (await store.pendingDecisions('market', roles, 100)).map((decision) => decision.applicationId);
      expect(await ids(['market-officer'])).toContain(stillRunning.id);
      expect(await ids(['tax-officer', 'social-officer'])).toEqual([]);
      expect(await ids([])).toEqual([]);
    });
  });
});
