import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccProblem } from '../core/ids.js';
import { applicationsDatabaseUnavailable } from '../applications/testing/applicationsTestDatabase.js';
import {
  APPLICATION_FIELDS,
  followApplication,
  untilApplication,
  type FollowedApplication,
} from './followApplication.js';
import { startStack, type CallerClaims, type DepartmentName, type GraphResponse, type Stack } from './harness.js';

/**
 * One-stop applications through the graph, as a portal uses them: the catalogue, a form's
 * pre-fill, applyFor, the applicant following it, an officer's queue and decision, and every
 * department acting in its own stand-in through the gateway, as the applications service acting
 * for the applicant (or the new company, or the deciding officer). The engine runs in this
 * process (startStack({ applications: true })); test/applications-engine.test.ts kills it.
 */
const skipReason = await applicationsDatabaseUnavailable();

type Vars = Record<string, unknown>;
type Application = FollowedApplication;
type Written = { operation: string; key: string };

const APPLY = `mutation Apply($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $key: String!) {
  applyFor(matter: $matter, applicant: $applicant, input: $input, idempotencyKey: $key) { ${APPLICATION_FIELDS} }
}`;
const PENDING = `query Pending($department: String!) {
  pendingDecisions(department: $department) { step name role application { id applicant answers { name value } } }
}`;
const DECIDE = `mutation Decide($step: ID!, $approve: Boolean!, $reason: String) {
  decide(step: $step, approve: $approve, reason: $reason) { id status }
}`;

const marketOfficer: CallerClaims = { kind: 'officer', sub: 'staff-market-3', roles: ['market-officer'] };
const socialOfficer: CallerClaims = { kind: 'officer', sub: 'staff-social-4', roles: ['social-officer'] };
const person = (id: string): CallerClaims => ({ kind: 'person', sub: id });
const company = (uscc: string): CallerClaims => ({ kind: 'company', sub: uscc });
const key = (label: string) => `test-${label}-${randomUUID()}`;
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const codesOf = (response: GraphResponse<unknown>) => (response.errors ?? []).map((error) => error.extensions?.code);

const businessInput = (name = `杭州一网通办测试${randomUUID().replace(/-/g, '').slice(0, 8)}有限公司`) => [
  { name: 'companyName', value: name },
  { name: 'legalForm', value: '有限责任公司(自然人投资或控股)' },
  { name: 'registeredCapital', value: '300000.00' },
  { name: 'address', value: '浙江省杭州市滨江区网商路 699 号' },
  { name: 'businessScope', value: '软件开发' },
  { name: 'taxpayerType', value: 'SMALL_SCALE' },
  { name: 'firstContributionMonth', value: thisMonth() },
];

describe.skipIf(skipReason !== null)('one-stop applications through the graph', () => {
  let stack: Stack;
  let residents: string[];

  beforeAll(async () => {
    stack = await startStack({ applications: true });
    residents = stack.dataSet.residents.slice(20, 40).map((resident) => resident.id);
  }, 90_000);
  afterAll(async () => stack?.close());

  const writesOf = async (department: DepartmentName): Promise<Written[]> =>
    ((await (await fetch(`${stack.legacy[department].url}/__admin/writes`)).json()) as { writes: Written[] }).writes;
  const writesFor = async (department: DepartmentName, applicationId: string) =>
    (await writesOf(department)).filter((write) => write.key.startsWith(applicationId)).map((write) => write.operation);

  const apply = (
    applicant: string,
    matter: string,
    input: Vars[],
    idempotencyKey = key(matter),
    as = person(applicant),
  ) =>
    stack.query<{ applyFor: Application | null }, Vars>(
      APPLY,
      { matter, applicant, input, key: idempotencyKey },
      { as },
    );
  const until = (id: string, as: CallerClaims, done: (application: Application) => boolean) =>
    untilApplication(stack, id, as, done, 30_000);
  const decideAs = async (
    officer: CallerClaims,
    purpose: string,
    department: string,
    applicationId: string,
    approve: boolean,
    reason?: string,
  ) => {
    const queue = await stack.query<{ pendingDecisions: Array<{ step: string; application: { id: string } }> }, Vars>(
      PENDING,
      { department },
      { as: officer, purpose },
    );
    expect(queue.errors).toBeUndefined();
    const pending = queue.data!.pendingDecisions.find((entry) => entry.application.id === applicationId);
    expect(pending, `${applicationId} in the ${department} queue`).toBeDefined();
    return stack.query<{ decide: { status: string } | null }, Vars>(
      DECIDE,
      { step: pending!.step, approve, reason: reason ?? null },
      { as: officer, purpose },
    );
  };

  it('lists the matters for anyone, with what each asks and who acts', async () => {
    const catalogue = await stack.query<
      {
        matters: Array<{
          name: string;
          inputs: Array<{ name: string }>;
          steps: Array<{ department: string; decidedBy: string | null }>;
        }>;
      },
      Vars
    >('{ matters { name inputs { name } steps { department decidedBy } } }');
    expect(catalogue.errors, JSON.stringify(catalogue.errors)).toBeUndefined();
    const startBusiness = catalogue.data!.matters.find((matter) => matter.name === 'start-a-business')!;
    expect(startBusiness.inputs.map((input) => input.name)).toContain('companyName');
    expect(startBusiness.steps).toContainEqual({ department: 'market', decidedBy: 'market-officer' });
    expect(catalogue.data!.matters.map((matter) => matter.name)).toContain('claim-benefit');
  });

  it('starts a business end to end: three departments act, an officer approves, the company is in the graph', async () => {
    const founder = residents[0]!;
    const applied = await apply(founder, 'start-a-business', businessInput());
    expect(applied.errors).toBeUndefined();
    const { id } = applied.data!.applyFor!;
    // Market registers, tax and social register the new company, then the officer decides.
    await until(id, person(founder), (application) => application.status === 'AWAITING_DECISION');
    // Only a market officer stating the matter's purpose for the step decides.
    const noPurpose = await stack.query(DECIDE, { step: `${id}/approve`, approve: true }, { as: marketOfficer });
    expect(codesOf(noPurpose)).toContain('FORBIDDEN');
    const socialDecides = await stack.query(
      DECIDE,
      { step: `${id}/approve`, approve: true },
      { as: socialOfficer, purpose: 'benefit-claim' },
    );
    expect(codesOf(socialDecides)).toContain('FORBIDDEN');
    const approved = await decideAs(marketOfficer, 'market-supervision', 'market', id, true);
    expect(approved.errors).toBeUndefined();
    const done = await until(id, person(founder), (application) => application.status === 'COMPLETED');
    const uscc = done.steps
      .find((step) => step.name === 'register')!
      .outputs.find((output) => output.name === 'uscc')!.value;
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['register', 'DONE'],
      ['registerTaxpayer', 'DONE'],
      ['openEmployerAccount', 'DONE'],
      ['approve', 'DONE'],
    ]);

    // Read live from the three stand-ins, as the company itself.
    const whole = await stack.query<
      { company: { status: string; tax: { taxpayerType: string }; socialInsurance: { accountNumber: string } } },
      Vars
    >(`{ company(uscc: "${uscc}") { status tax { taxpayerType } socialInsurance { accountNumber } } }`, undefined, {
      as: company(uscc),
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.company).toMatchObject({ status: 'ACTIVE', tax: { taxpayerType: 'SMALL_SCALE' } });
    const account = done.steps.find((step) => step.name === 'openEmployerAccount')!.outputs[0]!.value;
    expect(whole.data!.company.socialInsurance.accountNumber).toBe(account);
    const extract = await stack.query<
      { issueBusinessLicenceExtract: { serial: string; document: string } | null },
      Vars
    >(`mutation { issueBusinessLicenceExtract(uscc: "${uscc}") { serial document } }`, undefined, {
      as: company(uscc),
    });
    expect(extract.errors).toBeUndefined();
    expect(extract.data!.issueBusinessLicenceExtract!.document).toContain(uscc);

    // Each legacy write exactly once, under the application's keys.
    expect(await writesFor('market', id)).toEqual(['RegisterEnterprise', 'ApproveRegistration']);
    expect(await writesFor('tax', id)).toHaveLength(1);
    expect(await writesFor('social', id)).toEqual(['OpenEmployerAccount']);

    // Every access the service made is in the subjects' logs, through the applications service.
    const { records } = await stack.accessLog.readBySubject({ kind: 'company', id: uscc }, { first: 100 });
    const fields = records.flatMap((record) => record.fields.map((field) => field.field));
    expect(fields).toEqual(
      expect.arrayContaining([
        'Mutation.registerTaxpayer',
        'Mutation.openEmployerAccount',
        'Mutation.decideRegistration',
      ]),
    );
    const viaService = records.filter((record) => record.caller.azp === 'one-stop-applications');
    expect(viaService.length).toBeGreaterThan(0);
    const decision = records.find((record) =>
      record.fields.some((field) => field.field === 'Mutation.decideRegistration'),
    )!;
    expect(decision.caller).toMatchObject({ kind: 'officer', sub: 'staff-market-3' });
    expect(decision.purpose).toBe('market-supervision');
  }, 60_000);

  it('pre-fills a claim from the graph under the matter purpose, recorded in the claimant’s log', async () => {
    const claimant = stack.dataSet.fixtures.multiRepresentative;
    const form = await stack.query<{ me: { prefill: Array<{ label: string; value: string | null }> } }, Vars>(
      '{ me { prefill(matter: "claim-benefit") { label value } } }',
      undefined,
      { as: person(claimant) },
    );
    expect(form.errors).toBeUndefined();
    const account = form.data!.me.prefill.find((value) => value.label === 'Your social insurance account');
    expect(account?.value).toMatch(/\S/);
    const { records } = await stack.accessLog.readBySubject({ kind: 'person', id: claimant }, { first: 50 });
    const prefillReads = records.filter(
      (record) => record.purpose === 'benefit-claim' && record.caller.azp === 'one-stop-applications',
    );
    expect(prefillReads.map((record) => record.department)).toEqual(expect.arrayContaining(['social', 'tax']));

    const applied = await apply(claimant, 'claim-benefit', [
      { name: 'kind', value: 'PENSION_ACCOUNT_WITHDRAWAL' },
      { name: 'bankAccount', value: '6222020200112233445' },
    ]);
    expect(applied.errors).toBeUndefined();
    const { id } = applied.data!.applyFor!;
    await until(id, person(claimant), (application) => application.status === 'AWAITING_DECISION');
    // A market officer does not see the social queue's steps, nor decide them.
    const queue = await stack.query<{ pendingDecisions: unknown[] }, Vars>(
      PENDING,
      { department: 'social' },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(queue.data?.pendingDecisions ?? []).toEqual([]);
    const refused = await decideAs(
      socialOfficer,
      'benefit-claim',
      'social',
      id,
      false,
      'Not enough contribution months.',
    );
    expect(refused.errors).toBeUndefined();
    const ended = await until(id, person(claimant), (application) => application.status === 'REFUSED');
    expect(ended.reason).toContain('Not enough contribution months.');
    expect(await writesFor('social', id)).toEqual(['SubmitBenefitClaim', 'DecideClaim']);
  }, 60_000);

  it('acts for a resident as a resident, even one whose ID also reads as a USCC', async () => {
    // Some resident IDs pass the USCC check too: the kind is the applicant's, never guessed from the ID.
    const founder = stack.dataSet.residents.map((resident) => resident.id).find((id) => usccProblem(id) === null)!;
    expect(founder).toBeDefined();
    const { id } = (await apply(founder, 'start-a-business', businessInput())).data!.applyFor!;
    const waiting = await until(id, person(founder), (application) =>
      ['AWAITING_DECISION', 'REFUSED', 'FAILED'].includes(application.status),
    );
    expect(waiting.status).toBe('AWAITING_DECISION');
    // Decided, it leaves the officers' queue at once.
    await decideAs(marketOfficer, 'market-supervision', 'market', id, true);
    const queue = await stack.query<{ pendingDecisions: Array<{ application: { id: string } }> }, Vars>(
      PENDING,
      { department: 'market' },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(queue.data!.pendingDecisions.map((pending) => pending.application.id)).not.toContain(id);
    await until(id, person(founder), (application) => application.status === 'COMPLETED');
  }, 60_000);

  it('makes one application of the same idempotencyKey sent twice', async () => {
    const founder = residents[1]!;
    const sameKey = key('twice');
    const input = businessInput();
    const [first, second] = await Promise.all([
      apply(founder, 'start-a-business', input, sameKey),
      apply(founder, 'start-a-business', input, sameKey),
    ]);
    expect(first.data!.applyFor!.id).toBe(second.data!.applyFor!.id);
    const mine = await stack.query<{ me: { applications: Array<{ id: string }> } }, Vars>(
      '{ me { applications { id } } }',
      undefined,
      {
        as: person(founder),
      },
    );
    expect(
      mine.data!.me.applications.filter((application) => application.id === first.data!.applyFor!.id),
    ).toHaveLength(1);
    // Carried once: each write once under its key (and settled before the next test counts writes).
    await until(first.data!.applyFor!.id, person(founder), (application) => application.status === 'AWAITING_DECISION');
    expect(await writesFor('market', first.data!.applyFor!.id)).toEqual(['RegisterEnterprise']);
  });

  it('refuses bad input with a clear error and writes nothing anywhere', async () => {
    const founder = residents[2]!;
    const before = await Promise.all((['market', 'tax', 'social'] as const).map(writesOf));
    const cases: Array<[GraphResponse<unknown>, string]> = [
      [await apply(founder, 'open-a-casino', businessInput()), 'BAD_USER_INPUT'],
      [await apply(founder, 'start-a-business', businessInput().slice(1)), 'BAD_USER_INPUT'],
      [
        await apply(founder, 'start-a-business', [
          ...businessInput().slice(0, 2),
          { name: 'registeredCapital', value: 'lots' },
          ...businessInput().slice(3),
        ]),
        'BAD_USER_INPUT',
      ],
      [await apply(founder, 'start-a-business', businessInput(), 'short'), 'BAD_USER_INPUT'],
      // Applying in someone else's name.
      [await apply(residents[3]!, 'start-a-business', businessInput(), key('other'), person(founder)), 'FORBIDDEN'],
      // More answers than any form has: refused before anything is read or written.
      [
        await apply(
          founder,
          'start-a-business',
          Array.from({ length: 21 }, (_, index) => ({ name: `extra${index}`, value: 'x' })),
        ),
        'BAD_USER_INPUT',
      ],
      // Not signed in.
      [
        await stack.query(APPLY, {
          matter: 'start-a-business',
          applicant: founder,
          input: businessInput(),
          key: key('anon'),
        }),
        'FORBIDDEN',
      ],
    ];
    for (const [response, code] of cases) {
      expect(codesOf(response)).toContain(code);
      expect((response.data as { applyFor?: unknown } | undefined)?.applyFor ?? null).toBeNull();
      expect(JSON.stringify(response.errors)).not.toMatch(/\bat \w+ \(|node_modules/);
    }
    expect(await Promise.all((['market', 'tax', 'social'] as const).map(writesOf))).toEqual(before);
    const mine = await stack.query<{ me: { applications: unknown[] } }, Vars>(
      '{ me { applications { id } } }',
      undefined,
      { as: person(founder) },
    );
    expect(mine.data!.me.applications).toEqual([]);
  });

  it('waits with the reason while tax is down for 30 s, then completes once it is back', async () => {
    const founder = residents[4]!;
    await stack.setFaults('tax', { down: true });
    try {
      const { id } = (await apply(founder, 'start-a-business', businessInput())).data!.applyFor!;
      const downSince = Date.now();
      const waiting = await until(id, person(founder), (application) => application.status === 'WAITING');
      expect(waiting.reason).toMatch(/tax/i);
      expect(waiting.steps.find((step) => step.name === 'registerTaxpayer')!.status).toBe('WAITING');
      // Asked again round after round for 30 s (the test's rounds are short): still waiting, never given up.
      while (Date.now() - downSince < 30_000) {
        const now = await followApplication(stack, id, person(founder));
        expect(['WAITING', 'RUNNING']).toContain(now!.status);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(await writesFor('tax', id)).toEqual([]);
      await stack.setFaults('tax', { down: false });
      await until(id, person(founder), (application) => application.status === 'AWAITING_DECISION');
      await decideAs(marketOfficer, 'market-supervision', 'market', id, true);
      await until(id, person(founder), (application) => application.status === 'COMPLETED');
      expect(await writesFor('tax', id)).toHaveLength(1);
    } finally {
      await stack.setFaults('tax', { down: false });
    }
  }, 90_000);

  it("counts applying against the applicant's daily budget of creating mutations", async () => {
    const founder = residents[7]!;
    // The stack's budget is the default, 10 a day per caller, subject and mutation.
    const answers = [];
    for (let count = 0; count < 11; count += 1)
      answers.push(
        await apply(founder, 'claim-benefit', [
          { name: 'kind', value: 'UNEMPLOYMENT_BENEFIT' },
          { name: 'bankAccount', value: '6222020200112233445' },
        ]),
      );
    expect(answers.slice(0, 10).every((answer) => answer.data?.applyFor?.id)).toBe(true);
    expect(codesOf(answers[10]!)).toEqual(['CREATION_BUDGET_EXHAUSTED']);
    expect(answers[10]!.status).toBe(429);
  }, 60_000);

  it('stops on a tax refusal, in words, and withdraws the pending registration', async () => {
    const founder = residents[5]!;
    await stack.setFaults('tax', { refuseWrites: true });
    try {
      const { id } = (await apply(founder, 'start-a-business', businessInput())).data!.applyFor!;
      const ended = await until(id, person(founder), (application) =>
        ['REFUSED', 'FAILED'].includes(application.status),
      );
      expect(ended.status).toBe('REFUSED');
      expect(ended.reason).toContain('The tax bureau could not register the company as a taxpayer.');
      expect(ended.steps.find((step) => step.name === 'register')!.status).toBe('UNDONE');
      expect(await writesFor('market', id)).toEqual(['RegisterEnterprise', 'WithdrawRegistration']);
      // The employer account cannot be closed from here: an officer's task, in the matter's words.
      expect(ended.officerTasks.join(' ')).toMatch(/close the employer account|social/i);
    } finally {
      await stack.setFaults('tax', { refuseWrites: false });
    }
  }, 60_000);

  it("lets the service act only within its matter's steps", async () => {
    const applications = stack.applications!;
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const outside = await applications.actAs(`mutation { issueTaxClearance(uscc: "${uscc}") { serial } }`, {
      as: { kind: 'company', id: uscc, roles: [], purpose: null },
      matter: 'start-a-business',
      application: 'app-x',
    });
    expect(outside.reached && outside.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const unknownMatter = await applications.actAs('{ me { id } }', {
      as: { kind: 'person', id: residents[6]!, roles: [], purpose: null },
      matter: 'no-such-matter',
      application: 'app-x',
    });
    expect(unknownMatter.reached && unknownMatter.errors.map((error) => error.extensions?.code)).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
