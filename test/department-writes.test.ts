import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type CallerClaims, type DepartmentName, type GraphResponse, type Stack } from './harness.js';

// Issue 22, part 2: each department's own writes through the real gateway, over the real
// stand-ins: start a business (market registers, an officer approves, tax and social register the
// new company), claim a benefit, refusals, idempotency, bad input and the access log.

type Registration = { uscc: string | null; status: string | null; on: string | null };
type Claim = { claimNumber: string | null; kind: string | null; status: string | null; decisionReason: string | null };
type Written = { operation: string; key: string; at: string };
type Vars = Record<string, unknown>;

const REGISTER = `mutation Register($name: String!, $capital: Decimal!, $representative: ID!, $key: String!) {
  registerEnterprise(name: $name, legalForm: "有限责任公司(自然人投资或控股)", registeredCapital: $capital,
    legalRepresentativeId: $representative, address: "浙江省杭州市西湖区文三路 90 号", businessScope: "数据处理服务",
    idempotencyKey: $key) { uscc status on }
}`;
const DECIDE = `mutation Decide($uscc: ID!, $approve: Boolean!, $reason: String, $key: String!) {
  decideRegistration(uscc: $uscc, approve: $approve, reason: $reason, idempotencyKey: $key) { uscc status on company { status } }
}`;
const REGISTER_TAXPAYER = `mutation Tax($uscc: ID!, $key: String!) {
  registerTaxpayer(uscc: $uscc, taxpayerType: SMALL_SCALE, idempotencyKey: $key) { status registrationNumber taxProfile { taxpayerType } }
}`;
const OPEN_ACCOUNT = `mutation Open($uscc: ID!, $month: Period!, $key: String!) {
  openEmployerAccount(uscc: $uscc, firstContributionMonth: $month, idempotencyKey: $key) { accountNumber firstContributionMonth }
}`;
const SUBMIT_CLAIM = `mutation Claim($resident: ID!, $bank: String!, $key: String!) {
  submitBenefitClaim(residentId: $resident, kind: PENSION_ACCOUNT_WITHDRAWAL, bankAccount: $bank, idempotencyKey: $key) {
    claimNumber kind status decisionReason
  }
}`;
const DECIDE_CLAIM = `mutation DecideClaim($number: ID!, $approve: Boolean!, $reason: String, $key: String!) {
  decideBenefitClaim(claimNumber: $number, approve: $approve, reason: $reason, idempotencyKey: $key) { claimNumber status decisionReason }
}`;

const marketOfficer: CallerClaims = { kind: 'officer', sub: 'staff-market-7', roles: ['market-officer'] };
const socialOfficer: CallerClaims = { kind: 'officer', sub: 'staff-social-9', roles: ['social-officer'] };
const person = (id: string): CallerClaims => ({ kind: 'person', sub: id });
const company = (uscc: string): CallerClaims => ({ kind: 'company', sub: uscc });
/** This month in China, where the bureaus count months. */
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const key = (label: string) => `test-${label}-${randomUUID()}`;
const uniqueName = () => `杭州写入测试${randomUUID().replace(/-/g, '').slice(0, 10)}有限公司`;

describe('the departments’ writes through the gateway', () => {
  let stack: Stack;
  let founder: string;
  let stranger: string;
  let claimant: string;

  beforeAll(async () => {
    stack = await startStack();
    const { residents, fixtures } = stack.dataSet;
    founder = residents[7]!.id;
    stranger = residents[8]!.id;
    claimant = fixtures.multiRepresentative;
  }, 60_000);
  afterEach(async () => stack.resetLegacy());
  afterAll(async () => stack?.close());

  async function writesOf(department: DepartmentName): Promise<Written[]> {
    const response = await fetch(`${stack.legacy[department].url}/__admin/writes`);
    return ((await response.json()) as { writes: Written[] }).writes;
  }
  const codesOf = (response: GraphResponse<unknown>) => (response.errors ?? []).map((error) => error.extensions?.code);
  const register = (representative: string, as: CallerClaims, idempotencyKey = key('register'), name = uniqueName()) =>
    stack.query<{ registerEnterprise: Registration | null }, Vars>(
      REGISTER,
      { name, capital: '500000.00', representative, key: idempotencyKey },
      { as },
    );
  const fieldsRecorded = async (kind: 'person' | 'company', id: string, requestId: string | null) => {
    const { records } = await stack.accessLog.readBySubject({ kind, id }, { first: 100 });
    return records
      .filter((record) => record.requestId === requestId)
      .flatMap((record) => record.fields.map((f) => f.field));
  };

  it('starts a business: pending to its representative, approved by an officer, then taxpayer and employer', async () => {
    const registered = await register(founder, person(founder));
    expect(registered.errors).toBeUndefined();
    const uscc = registered.data!.registerEnterprise!.uscc!;
    expect(registered.data!.registerEnterprise).toMatchObject({
      uscc: expect.stringMatching(/^91330100MA/),
      status: 'PENDING',
    });
    // The write is recorded under its subject, the representative.
    expect(await fieldsRecorded('person', founder, registered.headers.get('x-request-id'))).toContain(
      'Mutation.registerEnterprise',
    );

    const pending = await stack.query<{ company: { status: string } | null }, Vars>(
      `{ company(uscc: "${uscc}") { status } }`,
      undefined,
      { as: person(founder) },
    );
    expect(pending.data?.company?.status).toBe('PENDING');

    // Only a market officer stating the purpose decides.
    const withoutPurpose = await stack.query(
      DECIDE,
      { uscc, approve: true, key: key('approve') },
      { as: marketOfficer },
    );
    expect(codesOf(withoutPurpose)).toContain('FORBIDDEN');
    const approved = await stack.query<{ decideRegistration: Registration & { company: { status: string } } }, Vars>(
      DECIDE,
      { uscc, approve: true, key: key('approve') },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideRegistration).toMatchObject({ status: 'ACTIVE', company: { status: 'ACTIVE' } });
    expect(await fieldsRecorded('company', uscc, approved.headers.get('x-request-id'))).toContain(
      'Mutation.decideRegistration',
    );

    // The new company registers itself as a taxpayer and opens its employer account.
    const taxpayer = await stack.query<
      { registerTaxpayer: { status: string; taxProfile: { taxpayerType: string } } },
      Vars
    >(REGISTER_TAXPAYER, { uscc, key: key('tax') }, { as: company(uscc) });
    expect(taxpayer.errors).toBeUndefined();
    expect(taxpayer.data!.registerTaxpayer).toMatchObject({
      status: 'REGISTERED',
      taxProfile: { taxpayerType: 'SMALL_SCALE' },
    });
    expect(await fieldsRecorded('company', uscc, taxpayer.headers.get('x-request-id'))).toContain(
      'Mutation.registerTaxpayer',
    );
    const opened = await stack.query<
      {
        openEmployerAccount: { accountNumber: string; firstContributionMonth: string };
      },
      Vars
    >(OPEN_ACCOUNT, { uscc, month: thisMonth(), key: key('open') }, { as: company(uscc) });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openEmployerAccount.firstContributionMonth).toBe(thisMonth());

    // Read live from the three stand-ins.
    const whole = await stack.query<
      {
        company: { status: string; tax: { taxpayerType: string }; socialInsurance: { accountNumber: string } };
      },
      Vars
    >(`{ company(uscc: "${uscc}") { status tax { taxpayerType } socialInsurance { accountNumber } } }`, undefined, {
      as: company(uscc),
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.company).toEqual({
      status: 'ACTIVE',
      tax: { taxpayerType: 'SMALL_SCALE' },
      socialInsurance: { accountNumber: opened.data!.openEmployerAccount.accountNumber },
    });
  });

  it('undoes: a pending registration withdrawn or rejected is gone, an unused taxpayer registration cancelled', async () => {
    const first = (await register(founder, person(founder))).data!.registerEnterprise!.uscc!;
    const withdrawn = await stack.query<{ withdrawRegistration: Registration }, Vars>(
      'mutation($uscc: ID!, $key: String!) { withdrawRegistration(uscc: $uscc, reason: "计划变更", idempotencyKey: $key) { uscc status } }',
      { uscc: first, key: key('withdraw') },
      { as: company(first) },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawRegistration).toEqual({ uscc: first, status: 'WITHDRAWN' });
    const gone = await stack.query<{ company: unknown }, Vars>(`{ company(uscc: "${first}") { status } }`);
    expect(gone.data!.company).toBeNull();

    const second = (await register(founder, person(founder))).data!.registerEnterprise!.uscc!;
    const taxpayer = await stack.query(REGISTER_TAXPAYER, { uscc: second, key: key('tax') }, { as: company(second) });
    expect(taxpayer.errors).toBeUndefined();
    const cancelled = await stack.query<{ cancelTaxpayerRegistration: { status: string; taxProfile: unknown } }, Vars>(
      'mutation($uscc: ID!, $key: String!) { cancelTaxpayerRegistration(uscc: $uscc, idempotencyKey: $key) { status taxProfile { taxpayerType } } }',
      { uscc: second, key: key('cancel') },
      { as: company(second) },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelTaxpayerRegistration).toEqual({ status: 'CANCELLED', taxProfile: null });
    const rejected = await stack.query<{ decideRegistration: Registration & { company: unknown } }, Vars>(
      DECIDE,
      { uscc: second, approve: false, reason: '名称不符合规定', key: key('reject') },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.decideRegistration).toMatchObject({ uscc: second, status: 'REJECTED', company: null });
  });

  it('answers the same idempotency key with the first answer and writes once', async () => {
    const idempotencyKey = key('twice');
    const name = uniqueName();
    const first = await register(founder, person(founder), idempotencyKey, name);
    const second = await register(founder, person(founder), idempotencyKey, name);
    expect(second.data!.registerEnterprise!.uscc).toBe(first.data!.registerEnterprise!.uscc);
    expect((await writesOf('market')).filter((write) => write.key === idempotencyKey)).toHaveLength(1);

    const claimKey = key('claim');
    const claim = () =>
      stack.query<{ submitBenefitClaim: Claim }, Vars>(
        SUBMIT_CLAIM,
        { resident: claimant, bank: '6222 0212 3456 7890 123', key: claimKey },
        { as: person(claimant) },
      );
    const [one, two] = [await claim(), await claim()];
    expect(one.errors).toBeUndefined();
    expect(one.data!.submitBenefitClaim).toMatchObject({
      claimNumber: expect.stringMatching(/^SB\d{14}$/),
      status: 'PENDING',
    });
    expect(two.data!.submitBenefitClaim.claimNumber).toBe(one.data!.submitBenefitClaim.claimNumber);
    expect((await writesOf('social')).filter((write) => write.key === claimKey)).toHaveLength(1);
    expect(await fieldsRecorded('person', claimant, one.headers.get('x-request-id'))).toContain(
      'Mutation.submitBenefitClaim',
    );

    // The claimant reads it; another resident gets nothing of it; a social officer handling claims decides it.
    const number = one.data!.submitBenefitClaim.claimNumber!;
    const read = (as: CallerClaims) =>
      stack.query<{ claim: Claim | null }, Vars>(`{ claim(number: "${number}") { claimNumber status } }`, undefined, {
        as,
      });
    expect((await read(person(claimant))).data!.claim).toEqual({ claimNumber: number, status: 'PENDING' });
    const other = await read(person(stranger));
    expect(other.data!.claim).toEqual({ claimNumber: null, status: null });
    expect(codesOf(other)).toContain('FORBIDDEN');
    const decided = await stack.query<{ decideBenefitClaim: Claim }, Vars>(
      DECIDE_CLAIM,
      { number, approve: false, reason: '缴费年限不足', key: key('decide') },
      { as: socialOfficer, purpose: 'benefit-claim' },
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideBenefitClaim).toEqual({
      claimNumber: number,
      status: 'REFUSED',
      decisionReason: '缴费年限不足',
    });
    // Recorded under the claimant, whom the answer is about.
    expect(await fieldsRecorded('person', claimant, decided.headers.get('x-request-id'))).toContain(
      'BenefitClaim.status',
    );
  });

  it('retries a write whose answer was lost with the same key: it takes effect once', async () => {
    // The registry commits, then drops the connection; the guard asks again with the same qqlsh.
    await stack.setFaults('market', { failAfterWriteRate: 1 });
    const idempotencyKey = key('lost');
    const registered = await register(founder, person(founder), idempotencyKey);
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerEnterprise!.status).toBe('PENDING');
    expect((await writesOf('market')).filter((write) => write.key === idempotencyKey)).toHaveLength(1);
  });

  it('refuses anyone applying for another person, and writes nothing', async () => {
    const before = await writesOf('market');
    const forOther = await register(founder, person(stranger));
    expect(forOther.data?.registerEnterprise ?? null).toBeNull();
    expect(codesOf(forOther)).toEqual(['FORBIDDEN']);
    const claimForOther = await stack.query(
      SUBMIT_CLAIM,
      { resident: claimant, bank: '622202123456789', key: key('x') },
      { as: person(stranger) },
    );
    expect(codesOf(claimForOther)).toEqual(['FORBIDDEN']);
    const anonymous = await stack.query(REGISTER_TAXPAYER, { uscc: stack.dataSet.companies[3]!.uscc, key: key('x') });
    expect(codesOf(anonymous)).toEqual(['FORBIDDEN']);
    expect(await writesOf('market')).toEqual(before);
  });

  it('turns a department’s refusal into DEPARTMENT_REFUSED with its reason in words', async () => {
    await stack.setFaults('market', { refuseWrites: true });
    const before = await writesOf('market');
    const refused = await register(founder, person(founder));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'DEPARTMENT_REFUSED',
      department: 'market',
      reasonCode: 'E2008',
    });
    expect(refused.errors?.[0]?.message).toMatch(/^The market department refused: the registry is not accepting/);
    expect(await writesOf('market')).toEqual(before);

    // A business rule of its own: the company is registered as a taxpayer already (a data-set company).
    const known = stack.dataSet.companies[4]!.uscc;
    const again = await stack.query(REGISTER_TAXPAYER, { uscc: known, key: key('tax') }, { as: company(known) });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'DEPARTMENT_REFUSED',
      department: 'tax',
      reasonCode: '3002',
    });
    expect(again.errors?.[0]?.message).toContain('already registered as a taxpayer');
  });

  it('refuses bad input with BAD_USER_INPUT before any legacy call', async () => {
    const before = await stack.legacyStats();
    const badRegistrations: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, 'name'],
      [{ capital: '0.00' }, 'registeredCapital'],
      [{ capital: '-100.00' }, 'registeredCapital'],
      [{ key: '' }, 'idempotencyKey'],
      [{ key: 'has spaces in it' }, 'idempotencyKey'],
    ];
    for (const [change, argument] of badRegistrations) {
      const variables = {
        name: uniqueName(),
        capital: '500000.00',
        representative: founder,
        key: key('bad'),
        ...change,
      };
      const response = await stack.query(REGISTER, variables, { as: person(founder) });
      expect(response.errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const badBank = await stack.query(
      SUBMIT_CLAIM,
      { resident: claimant, bank: '12-34', key: key('bad') },
      { as: person(claimant) },
    );
    expect(badBank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bankAccount' });
    const badMonth = await stack.query(
      OPEN_ACCOUNT,
      { uscc: stack.dataSet.companies[3]!.uscc, month: '2026-13', key: key('bad') },
      { as: company(stack.dataSet.companies[3]!.uscc) },
    );
    expect(codesOf(badMonth)).toEqual(['BAD_USER_INPUT']);
    const badKind = await stack.query(
      'mutation($k: BenefitKind!) { submitBenefitClaim(residentId: "x", kind: $k, bankAccount: "1", idempotencyKey: "k") { claimNumber } }',
      { k: 'HOLIDAY_MONEY' },
      { as: person(claimant) },
    );
    expect(codesOf(badKind)).toEqual(['BAD_USER_INPUT']);
    const badNumber = await stack.query(
      DECIDE_CLAIM,
      { number: 'SB12', approve: true, key: key('bad') },
      { as: socialOfficer, purpose: 'benefit-claim' },
    );
    expect(badNumber.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'claimNumber' });
    const refusalWithoutReason = await stack.query(
      DECIDE,
      { uscc: stack.dataSet.companies[3]!.uscc, approve: false, key: key('bad') },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(refusalWithoutReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const badUscc = await stack.query(
      DECIDE,
      { uscc: '91330100MA00000000', approve: true, key: key('bad') },
      { as: marketOfficer, purpose: 'market-supervision' },
    );
    expect(badUscc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'uscc' });
    // No stand-in was asked anything.
    expect(await stack.legacyStats()).toEqual(before);
  });
});
