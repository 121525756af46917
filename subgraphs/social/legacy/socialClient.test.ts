import type { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLegacyServer, StatsSnapshot } from '../../../legacy-mocks/common/index.js';
import {
  accountBalancesOf,
  contributionsOf,
  loadDataSet,
  type DataSet,
  type Resident,
} from '../../../legacy-mocks/data/index.js';
import { startSocialMock } from '../../../legacy-mocks/social/index.js';
import { residentIdCheckDigit } from '../../../core/ids.js';
import { fenToDecimal, SOAP_EXCHANGE_PROPERTIES } from '../../kit/index.js';
import { findRetainedText } from '../../kit/legacy/testing/findRetainedText.js';
import { EMPLOYER_BATCH_MAXIMUM, SOCIAL_BATCH_MAXIMUM, SocialClient, type PersonRecord } from './index.js';

const dataSet = loadDataSet();
const { fixtures } = dataSet;

let system: RunningLegacyServer;
let client: SocialClient;

beforeAll(async () => {
  system = await startSocialMock({ port: 0 });
  client = new SocialClient({ url: system.url });
  // Loads the WSDL now, so the fault tests below hit the operations, not the start.
  await client.getPersons([fixtures.multiRepresentative]);
});

afterEach(async () => {
  await admin('/__admin/reset');
});

afterAll(async () => {
  await system.close();
});

async function admin(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(
    system.url + path,
    body === undefined && path.endsWith('stats') ? {} : { method: 'POST', body: JSON.stringify(body ?? {}) },
  );
  return response.json();
}

async function stats(): Promise<StatsSnapshot> {
  return (await admin('/__admin/stats')) as StatsSnapshot;
}

function resident(id: string): Resident {
  const found = dataSet.residentById.get(id);
  if (!found) throw new Error('fixture missing from the data set');
  return found;
}

/** A resident ID with a valid check digit that the data set does not hold. */
function unknownResidentId(): string {
  for (let sequence = 100; ; sequence++) {
    const body = `11010119000101${String(sequence).padStart(3, '0')}`;
    const id = body + residentIdCheckDigit(body);
    if (!dataSet.residentById.has(id)) return id;
  }
}

/** The graph record the data set implies, computed here independently of the mock and the adapter. */
function expectedPerson(r: Resident): PersonRecord {
  const account = r.insurance;
  const balances = accountBalancesOf(r);
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    phone: r.phone,
    address: r.address,
    account: account && {
      personId: r.id,
      accountNumber: account.accountNumber,
      status: account.status,
      employerUscc: account.employerUscc,
      contributionBase: fenToDecimal(account.contributionBaseFen),
      pensionBalance: fenToDecimal(balances.pensionFen),
      medicalBalance: fenToDecimal(balances.medicalFen),
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  return error as GraphQLError;
}

function expectUnavailable(error: GraphQLError, reason: string): void {
  expect(error.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'social', reason });
}

describe('getPersons (CxCbryxx)', () => {
  it('reads residents with their social insurance accounts as graph records', async () => {
    const ids = [fixtures.multiRepresentative, fixtures.employeeShareholder];
    const persons = await client.getPersons(ids);
    for (const id of ids) expect(persons.get(id)).toEqual(expectedPerson(resident(id)));
    expect(persons.get(fixtures.multiRepresentative)?.account?.status).toBe('ACTIVE');
  });

  it('reads the phone and address on file for an insured resident and one never insured', async () => {
    const insured = resident(fixtures.multiRepresentative);
    const uninsured = resident(fixtures.personWithoutSocialInsurance);
    const persons = await client.getPersons([insured.id, uninsured.id]);
    expect(persons.get(insured.id)).toMatchObject({ phone: insured.phone, address: insured.address });
    expect(persons.get(uninsured.id)).toMatchObject({
      phone: uninsured.phone,
      address: uninsured.address,
      account: null,
    });
  });

  it('answers a resident who was never insured with account null', async () => {
    const persons = await client.getPersons([fixtures.personWithoutSocialInsurance]);
    expect(persons.get(fixtures.personWithoutSocialInsurance)).toEqual({
      ...expectedPerson(resident(fixtures.personWithoutSocialInsurance)),
      account: null,
    });
  });

  it('translates every status and a missing employer', async () => {
    const suspended = dataSet.residents.find((r) => r.insurance?.status === 'SUSPENDED')!;
    const terminated = dataSet.residents.find((r) => r.insurance?.status === 'TERMINATED')!;
    const selfEmployed = dataSet.residents.find(
      (r) => r.insurance?.status === 'ACTIVE' && r.insurance.employerUscc === null,
    )!;
    const persons = await client.getPersons([suspended.id, terminated.id, selfEmployed.id]);
    expect(persons.get(suspended.id)).toEqual(expectedPerson(suspended));
    expect(persons.get(terminated.id)).toEqual(expectedPerson(terminated));
    expect(persons.get(selfEmployed.id)?.account?.employerUscc).toBeNull();
  });

  it('leaves unknown and malformed IDs out of the map without failing the batch', async () => {
    const unknown = unknownResidentId();
    const persons = await client.getPersons([fixtures.multiRepresentative, unknown, '110105194912310021', 'nonsense']);
    expect([...persons.keys()]).toEqual([fixtures.multiRepresentative]);
    expect((await stats()).operations.CxCbryxx).toEqual({ calls: 1, items: 2 });
  });

  it('keys the map by the IDs as given, asking once for repeated ones', async () => {
    const withX = dataSet.residents.find((r) => r.id.endsWith('X'))!;
    const lower = withX.id.toLowerCase();
    const persons = await client.getPersons([lower, withX.id, lower]);
    expect(persons.get(lower)).toEqual(expectedPerson(withX));
    expect(persons.get(withX.id)).toEqual(expectedPerson(withX));
    expect((await stats()).operations.CxCbryxx).toEqual({ calls: 1, items: 1 });
  });

  it('asks for 450 residents in 3 calls of at most 200', async () => {
    const ids = dataSet.residents.slice(0, 450).map((r) => r.id);
    const persons = await client.getPersons(ids);
    expect(persons.size).toBe(450);
    expect(persons.get(ids[449]!)).toEqual(expectedPerson(dataSet.residents[449]!));
    expect((await stats()).operations.CxCbryxx).toEqual({ calls: Math.ceil(450 / SOCIAL_BATCH_MAXIMUM), items: 450 });
    expect(SOCIAL_BATCH_MAXIMUM).toBe(200);
  });

  it('makes no call for an empty list', async () => {
    expect((await client.getPersons([])).size).toBe(0);
    expect((await stats()).total).toBe(0);
  });
});

describe('what the client keeps after a call', () => {
  it('retains no request, response or headers on the soap client, and no personal data anywhere in it', async () => {
    const insured = resident(fixtures.multiRepresentative);
    const unknown = unknownResidentId();
    const persons = await client.getPersons([insured.id]);
    expect(persons.get(insured.id)?.phone).toBe(insured.phone);
    // A fault answer (E4001, no such resident) goes through the same client.
    expect(await client.getContributions(unknown, '2020-01', '2020-12')).toEqual([]);
    const soapClient = await client.transport.client();
    for (const property of [...SOAP_EXCHANGE_PROPERTIES, 'lastRequestHeaders'])
      expect(soapClient[property], property).toBeUndefined();
    for (const personal of [insured.id, insured.phone!, unknown])
      expect(findRetainedText(soapClient, personal)).toEqual([]);
  });
});

describe('getContributions (CxGrjfmx)', () => {
  const expected = (r: Resident, from: string, to: string) =>
    contributionsOf(r, from, to).map((month) => ({
      period: `${month.period.slice(0, 4)}-${month.period.slice(4)}`,
      base: fenToDecimal(month.baseFen),
      personalAmount: fenToDecimal(month.personalFen),
      employerAmount: fenToDecimal(month.employerFen),
    }));

  it("reads a resident's months in one call", async () => {
    const r = resident(fixtures.multiRepresentative);
    const contributions = await client.getContributions(r.id, '2024-01', '2025-06');
    expect(contributions).toEqual(expected(r, '202401', '202506'));
    expect(contributions).toHaveLength(18);
    expect((await stats()).operations.CxGrjfmx).toEqual({ calls: 1, items: 1 });
  });

  it('splits a range over ten years into calls of at most 120 months', async () => {
    const r = resident(fixtures.multiRepresentative);
    const contributions = await client.getContributions(r.id, '1998-01', '2026-10');
    expect(contributions).toEqual(expected(r, '199801', '202610'));
    expect((await stats()).operations.CxGrjfmx?.calls).toBe(Math.ceil(346 / 120));
  });

  it('has none for a resident never insured and none for one the bureau does not know', async () => {
    expect(await client.getContributions(fixtures.personWithoutSocialInsurance, '2020-01', '2020-12')).toEqual([]);
    expect(await client.getContributions(unknownResidentId(), '2020-01', '2020-12')).toEqual([]);
  });

  it('refuses malformed arguments before calling the bureau', async () => {
    const errors = await Promise.all([
      failure(client.getContributions('110105194912310021', '2020-01', '2020-12')),
      failure(client.getContributions(fixtures.multiRepresentative, '202001', '2020-12')),
      failure(client.getContributions(fixtures.multiRepresentative, '2020-01', '2020-13')),
      failure(client.getContributions(fixtures.multiRepresentative, '2020-12', '2020-01')),
    ]);
    expect(errors.map((error) => [error.extensions.code, error.extensions.argument])).toEqual([
      ['BAD_USER_INPUT', 'personId'],
      ['BAD_USER_INPUT', 'from'],
      ['BAD_USER_INPUT', 'to'],
      ['BAD_USER_INPUT', 'to'],
    ]);
    expect((await stats()).total).toBe(0);
  });
});

describe('getEmployerAccounts (CxDwcbxx)', () => {
  const employers = dataSet.companies.filter((company) => company.employerAccount !== null);
  const withoutAccount = dataSet.companies.find((company) => company.employerAccount === null)!;

  it('reads employer accounts with the count of actively insured employees', async () => {
    const company = dataSet.companyByUscc.get(fixtures.companyWithTwoShareholders)!;
    const accounts = await client.getEmployerAccounts([company.uscc, withoutAccount.uscc]);
    expect(accounts.get(company.uscc)).toEqual({
      uscc: company.uscc,
      accountNumber: company.employerAccount!.accountNumber,
      insuredHeadcount: dataSet.insuredEmployeesByCompany.get(company.uscc)?.length ?? 0,
      arrears: fenToDecimal(company.employerAccount!.arrearsFen),
      lastPaidPeriod: `${company.employerAccount!.lastPaidPeriod.slice(0, 4)}-${company.employerAccount!.lastPaidPeriod.slice(4)}`,
    });
    expect(accounts.get(company.uscc)!.insuredHeadcount).toBeGreaterThan(0);
    expect(accounts.has(withoutAccount.uscc)).toBe(false);
  });

  it('asks for 150 employers in 2 calls of at most 100, leaving malformed USCCs out', async () => {
    const usccs = employers.slice(0, 150).map((company) => company.uscc);
    const accounts = await client.getEmployerAccounts([...usccs, '91350100M000100Y44']);
    expect(accounts.size).toBe(150);
    expect((await stats()).operations.CxDwcbxx).toEqual({ calls: Math.ceil(150 / EMPLOYER_BATCH_MAXIMUM), items: 150 });
  });
});

describe('when the bureau misbehaves', () => {
  const ask = (target: SocialClient = client) => target.getPersons([fixtures.multiRepresentative]);

  it('is unreachable while the system is down', async () => {
    await admin('/__admin/faults', { down: true });
    expectUnavailable(await failure(ask()), 'unreachable');
  });

  it('waits out latency below its timeout', async () => {
    await admin('/__admin/faults', { latencyMs: 60 });
    const started = performance.now();
    expect((await ask()).size).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('times out on latency beyond its timeout, and on a hung call', async () => {
    const impatient = new SocialClient({ url: system.url, timeoutMs: 250 });
    // On a busy machine the first load of the WSDL may itself take longer than that: try again.
    for (let attempt = 1; ; attempt++) {
      const warmedUp = await ask(impatient).then(
        () => true,
        () => false,
      );
      if (warmedUp) break;
      if (attempt === 5) throw new Error('the impatient client never loaded the WSDL');
    }
    await admin('/__admin/faults', { latencyMs: 1_000 });
    expectUnavailable(await failure(ask(impatient)), 'timeout');
    await admin('/__admin/faults', { latencyMs: 0, hangRate: 1 });
    expectUnavailable(await failure(ask(impatient)), 'timeout');
  });

  it('reports a service fault (E9999) as fault', async () => {
    await admin('/__admin/faults', { errorRate: 1 });
    expectUnavailable(await failure(ask()), 'fault');
  });

  it('reports a cut-off answer as malformed', async () => {
    await admin('/__admin/faults', { malformedRate: 1 });
    expectUnavailable(await failure(ask()), 'malformed');
  });

  it('reports a malformed phone on file as malformed, without repeating it', async () => {
    // The shared data set holds only good numbers, so a bureau serving a tampered copy stands in for a bad record.
    const victim = resident(fixtures.multiRepresentative);
    const badPhone = '0571-88886666';
    const tampered: DataSet = {
      ...dataSet,
      residentById: new Map(dataSet.residentById).set(victim.id, { ...victim, phone: badPhone }),
    };
    const sloppy = await startSocialMock({ port: 0, dataSet: tampered });
    try {
      const error = await failure(new SocialClient({ url: sloppy.url }).getPersons([victim.id]));
      expectUnavailable(error, 'malformed');
      expect(error.message).not.toContain(badPhone);
    } finally {
      await sloppy.close();
    }
  });

  it('is rejected with wrong credentials, and says nothing of them', async () => {
    const intruder = new SocialClient({ url: system.url, username: 'portal-gateway', password: 'guess' });
    const error = await failure(ask(intruder));
    expectUnavailable(error, 'rejected');
    expect(error.message).not.toMatch(/guess|E1002|密码/);
    expect(error.message).not.toContain(fixtures.multiRepresentative);
  });

  it('is unreachable when the system is down at start, and retries the start on the next call', async () => {
    const fresh = new SocialClient({ url: system.url });
    await admin('/__admin/faults', { down: true });
    expectUnavailable(await failure(ask(fresh)), 'unreachable');
    await admin('/__admin/reset');
    expect((await ask(fresh)).get(fixtures.multiRepresentative)).toEqual(
      expectedPerson(resident(fixtures.multiRepresentative)),
    );
  });

  it('is unreachable when nothing listens at its URL', async () => {
    const elsewhere = await startSocialMock({ port: 0 });
    await elsewhere.close();
    expectUnavailable(await failure(ask(new SocialClient({ url: elsewhere.url, timeoutMs: 1_000 }))), 'unreachable');
  });

  it('counts no operation call for faults injected before the operation', async () => {
    await admin('/__admin/faults', { errorRate: 1 });
    await failure(ask());
    expect((await stats()).total).toBe(0);
  });
});
