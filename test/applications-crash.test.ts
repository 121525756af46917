import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicationsDatabaseUnavailable } from '../applications/testing/applicationsTestDatabase.js';
import { startEngineProcess, type EngineProcess } from '../applications/testing/startEngineProcess.js';
import { untilApplication, type FollowedApplication } from './followApplication.js';
import { startStack, type CallerClaims, type DepartmentName, type Stack } from './harness.js';

/**
 * The engine killed (SIGKILL) while it carries start-a-business through the real gateway and the
 * real stand-ins, then started again: each application completes, and each stand-in's own write
 * log shows each write exactly once. The engine runs as a process of its own here, acting through
 * the stack's gateway as in production; test/applications-engine.test.ts kills it at each step
 * boundary over a port whose answers it controls.
 */
const skipReason = await applicationsDatabaseUnavailable();

type Vars = Record<string, unknown>;

const APPLY = `mutation Apply($applicant: ID!, $input: [ApplicationAnswer!]!, $key: String!) {
  applyFor(matter: "start-a-business", applicant: $applicant, input: $input, idempotencyKey: $key) { id status }
}`;
const marketOfficer: CallerClaims = { kind: 'officer', sub: 'staff-market-5', roles: ['market-officer'] };
const person = (id: string): CallerClaims => ({ kind: 'person', sub: id });

const input = () => [
  { name: 'companyName', value: `杭州重启测试${randomUUID().replace(/-/g, '').slice(0, 8)}有限公司` },
  { name: 'legalForm', value: '有限责任公司(自然人独资)' },
  { name: 'registeredCapital', value: '100000.00' },
  { name: 'address', value: '浙江省杭州市上城区解放路 1 号' },
  { name: 'businessScope', value: '咨询服务' },
  { name: 'taxpayerType', value: 'GENERAL' },
  { name: 'firstContributionMonth', value: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) },
];

describe.skipIf(skipReason !== null)('SIGKILL of the engine carrying applications through the graph', () => {
  let stack: Stack;
  let engine: EngineProcess | null = null;
  let residents: string[];
  let replica = 0;

  beforeAll(async () => {
    stack = await startStack({ applications: { inProcessWorker: false } });
    residents = stack.dataSet.residents.slice(60, 70).map((resident) => resident.id);
  }, 90_000);
  afterEach(async () => {
    await stack.setFaults('tax', { latencyMs: 0 });
  });
  afterAll(async () => {
    await engine?.kill();
    await stack?.close();
  });

  /** A worker process under the same executor id each time: a restart recovers its own workflows. */
  const startEngine = async () => {
    const { database, gateway } = stack.applications!;
    engine = await startEngineProcess({
      databaseUrl: database.url,
      schema: database.schema,
      executorId: `crash-${replica}`,
      gateway,
    });
  };
  const writesFor = async (department: DepartmentName, id: string) =>
    (
      (await (await fetch(`${stack.legacy[department].url}/__admin/writes`)).json()) as {
        writes: Array<{ operation: string; key: string }>;
      }
    ).writes
      .filter((write) => write.key.startsWith(id))
      .map((write) => write.operation);
  const until = (id: string, as: CallerClaims, done: (application: FollowedApplication) => boolean) =>
    untilApplication(stack, id, as, done);
  const apply = async (founder: string) => {
    const applied = await stack.query<{ applyFor: { id: string } | null }, Vars>(
      APPLY,
      { applicant: founder, input: input(), key: `crash-${randomUUID()}` },
      { as: person(founder) },
    );
    expect(applied.errors).toBeUndefined();
    return applied.data!.applyFor!.id;
  };
  const approve = async (id: string) => {
    const decided = await stack.query(
      'mutation($step: ID!) { decide(step: $step, approve: true) { id } }',
      { step: `${id}/approve` },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(decided.errors).toBeUndefined();
  };
  /** The officer approves once the departments have acted; the application completes, each write once. */
  const approveAndComplete = async (id: string, founder: string) => {
    await until(id, person(founder), (application) => application.status === 'AWAITING_DECISION');
    await approve(id);
    await until(id, person(founder), (application) => application.status === 'COMPLETED');
    await expectEachWriteOnce(id);
    await engine!.stop();
  };
  const expectEachWriteOnce = async (id: string) => {
    expect(await writesFor('market', id)).toEqual(['RegisterEnterprise', 'ApproveRegistration']);
    expect(await writesFor('tax', id)).toHaveLength(1);
    expect(await writesFor('social', id)).toEqual(['OpenEmployerAccount']);
  };

  it('killed before any department was asked: the restarted engine carries it once', async () => {
    replica += 1;
    const founder = residents[0]!;
    // Applied while no engine runs: queued in PostgreSQL, nothing asked yet.
    const id = await apply(founder);
    await startEngine();
    await engine!.kill();
    await startEngine();
    await approveAndComplete(id, founder);
  }, 90_000);

  it('killed while the tax bureau is answering its write: asked again under the same key, written once', async () => {
    replica += 1;
    const founder = residents[1]!;
    await startEngine();
    // The tax bureau is slow: the engine is killed with its write in flight.
    await stack.setFaults('tax', { latencyMs: 1_500 });
    const id = await apply(founder);
    await until(id, person(founder), (application) =>
      application.steps.some((step) => step.name === 'registerTaxpayer' && step.status === 'RUNNING'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await engine!.kill();
    await stack.setFaults('tax', { latencyMs: 0 });
    await startEngine();
    await approveAndComplete(id, founder);
  }, 90_000);

  it("killed while waiting for the officer's decision: the wait survives, the decision is taken once", async () => {
    replica += 1;
    const founder = residents[2]!;
    await startEngine();
    const id = await apply(founder);
    await until(id, person(founder), (application) => application.status === 'AWAITING_DECISION');
    await engine!.kill();
    // Decided while no engine runs: the decision waits in PostgreSQL for the step.
    await approve(id);
    await startEngine();
    await until(id, person(founder), (application) => application.status === 'COMPLETED');
    await expectEachWriteOnce(id);
    await engine!.stop();
  }, 90_000);
});
