import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLegacyServer } from '../../../legacy-mocks/common/index.js';
import {
  filingsOf,
  incomeTaxReturnOf,
  loadDataSet,
  type Company,
  type TaxFiling,
} from '../../../legacy-mocks/data/index.js';
import { startTaxMock } from '../../../legacy-mocks/tax/index.js';
import { fenToDecimal, runInRequestScope, type UnavailableReason } from '../../kit/index.js';
import { LAST_TAX_YEAR, TAX_BATCH_MAXIMUM, TaxClient } from './index.js';

const dataSet = loadDataSet();
const { fixtures } = dataSet;
let mock: RunningLegacyServer;
let client: TaxClient;

beforeAll(async () => {
  mock = await startTaxMock({ port: 0 });
  client = new TaxClient({ baseUrl: mock.url });
});
afterAll(async () => {
  client.close();
  await mock.close();
});
afterEach(() => admin('/__admin/reset'));

async function admin(path: string, body?: unknown): Promise<any> {
  const response = await fetch(mock.url + path, {
    method: path.endsWith('stats') ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

/** Expects DEPARTMENT_UNAVAILABLE for tax with this reason, and a message free of legacy text and identifiers. */
async function expectUnavailable(promise: Promise<unknown>, reason: UnavailableReason): Promise<GraphQLError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const graphError = error as GraphQLError;
  expect(graphError.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'tax', reason });
  expect(graphError.message).not.toMatch(/[\u4e00-\u9fff]|\d{6,}|nsr|sbxx/);
  return graphError;
}

/** What the graph should say for a company, computed here from the data set. */
function profileOf(company: Company) {
  return {
    uscc: company.uscc,
    taxpayerType: company.tax.taxpayerType,
    registeredOn: company.tax.registeredOn,
    creditRating: company.tax.creditRating,
    arrears: fenToDecimal(company.tax.arrearsFen),
  };
}

function filingOf(filing: TaxFiling) {
  const { period } = filing;
  const graphPeriod =
    period.length === 4
      ? period
      : period[4] === 'Q'
        ? `${period.slice(0, 4)}-${period.slice(4)}`
        : `${period.slice(0, 4)}-${period.slice(4)}`;
  return {
    period: graphPeriod,
    taxKind: filing.taxKind,
    amount: fenToDecimal(filing.amountFen),
    filedOn: filing.filedOn,
  };
}

describe('getTaxProfiles', () => {
  it('answers profiles in graph terms, keyed by the USCC as given, without unknown companies', async () => {
    const inArrears = dataSet.companyByUscc.get(fixtures.companyInArrears)!;
    const revoked = dataSet.companyByUscc.get(fixtures.revokedCompany)!;
    const unknown = '91350100M000100Y43';
    expect(dataSet.companyByUscc.has(unknown)).toBe(false);
    const profiles = await client.getTaxProfiles([inArrears.uscc, revoked.uscc.toLowerCase(), unknown]);
    expect([...profiles.keys()]).toEqual([inArrears.uscc, revoked.uscc.toLowerCase()]);
    expect(profiles.get(inArrears.uscc)).toEqual(profileOf(inArrears));
    expect(profiles.get(revoked.uscc.toLowerCase())).toEqual(profileOf(revoked));
    expect(Number(profiles.get(inArrears.uscc)!.arrears)).toBeGreaterThan(0);
  });

  it(`chunks at ${TAX_BATCH_MAXIMUM} and de-duplicates: 250 companies are 3 calls`, async () => {
    const companies = dataSet.companies.slice(0, 250);
    const profiles = await client.getTaxProfiles([...companies.map((company) => company.uscc), companies[0]!.uscc]);
    expect(profiles.size).toBe(250);
    for (const company of companies) expect(profiles.get(company.uscc)).toEqual(profileOf(company));
    expect((await admin('/__admin/stats')).operations['nsrxx.plcx']).toEqual({ calls: 3, items: 250 });
  });

  it('answers malformed USCCs as unknown without asking the bureau', async () => {
    expect((await client.getTaxProfiles(['not-a-uscc', '91350100M000100Y44'])).size).toBe(0);
    expect((await admin('/__admin/stats')).total).toBe(0);
  });
});

describe('getFilings', () => {
  it("answers a general taxpayer's year in period order", async () => {
    const general = dataSet.companies.find(
      (company) => company.tax.taxpayerType === 'GENERAL' && company.tax.registeredOn < '2023',
    )!;
    expect(await client.getFilings(general.uscc, 2024)).toEqual(filingsOf(general, 2024).map(filingOf));
  });

  it("answers a small-scale taxpayer's quarters as YYYY-Qn", async () => {
    const small = dataSet.companies.find(
      (company) => company.tax.taxpayerType === 'SMALL_SCALE' && company.tax.registeredOn < '2023',
    )!;
    const filings = await client.getFilings(small.uscc, 2024);
    expect(filings).toEqual(filingsOf(small, 2024).map(filingOf));
    expect(filings.filter((filing) => filing.taxKind === 'VAT').map((filing) => filing.period)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
  });

  it('answers [] for an unknown company, a year without filings and a year the bureau cannot hold', async () => {
    const company = dataSet.companyByUscc.get(fixtures.companyInArrears)!;
    expect(await client.getFilings('91350100M000100Y43', 2024)).toEqual([]);
    expect(await client.getFilings(company.uscc, Number(company.tax.registeredOn.slice(0, 4)) - 1)).toEqual([]);
    expect(await client.getFilings(company.uscc, 1800)).toEqual([]);
    expect((await admin('/__admin/stats')).operations['sbxx.cx']).toEqual({ calls: 2, items: 2 });
  });
});

describe('the tax years', () => {
  it('asks the bureau for its last tax year, and answers the year after as unknown without a call', async () => {
    const company = dataSet.companyByUscc.get(fixtures.companyInArrears)!;
    // The bureau refuses a year it does not keep (2004), which would fail this call as rejected.
    expect(await client.getFilings(company.uscc, LAST_TAX_YEAR)).toEqual([]);
    expect(await client.getFilings(company.uscc, LAST_TAX_YEAR + 1)).toEqual([]);
    expect(
      await client.getIncomeTaxReturns([{ personId: fixtures.multiRepresentative, year: LAST_TAX_YEAR + 1 }]),
    ).toEqual(new Map());
    const { operations } = await admin('/__admin/stats');
    expect(operations['sbxx.cx']).toEqual({ calls: 1, items: 1 });
    expect(operations['grsds.hsqj.plcx']).toBeUndefined();
  });
});

describe('the request id', () => {
  it("goes with every call, so the bureau's log matches ours", async () => {
    const requestId = 'tax-client-test-1';
    await runInRequestScope(requestId, () => client.getTaxProfiles([fixtures.companyInArrears]));
    const { requestIds } = (await (await fetch(`${mock.url}/__admin/requests`)).json()) as { requestIds: string[] };
    expect(requestIds).toContain(requestId);
  });
});

describe('getIncomeTaxReturns', () => {
  it('answers reconciliations keyed personId:year, without pairs that have no return', async () => {
    const person = dataSet.residentById.get(fixtures.multiRepresentative)!;
    const returns = await client.getIncomeTaxReturns([
      { personId: person.id, year: 2024 },
      { personId: person.id, year: 2025 },
      { personId: fixtures.personWithoutSocialInsurance, year: 2024 },
      { personId: person.id, year: 2026 },
    ]);
    expect([...returns.keys()]).toEqual([`${person.id}:2024`, `${person.id}:2025`]);
    for (const year of [2024, 2025]) {
      const expected = incomeTaxReturnOf(person, year)!;
      expect(returns.get(`${person.id}:${year}`)).toEqual({
        personId: person.id,
        year,
        income: fenToDecimal(expected.incomeFen),
        taxDue: fenToDecimal(expected.taxDueFen),
        taxPaid: fenToDecimal(expected.taxPaidFen),
        refundDue: fenToDecimal(Math.max(0, expected.taxPaidFen - expected.taxDueFen)),
      });
    }
  });

  it('answers refundDue "0.00" for someone who owes', async () => {
    const owing = dataSet.residents
      .map((resident) => [resident, incomeTaxReturnOf(resident, 2024)] as const)
      .find(([, taxReturn]) => taxReturn && taxReturn.taxPaidFen < taxReturn.taxDueFen)!;
    const returns = await client.getIncomeTaxReturns([{ personId: owing[0].id, year: 2024 }]);
    expect(returns.get(`${owing[0].id}:2024`)).toMatchObject({
      taxDue: fenToDecimal(owing[1]!.taxDueFen),
      refundDue: '0.00',
    });
  });

  it('chunks 150 pairs into 2 calls and skips malformed IDs without a call', async () => {
    const keys = dataSet.residents.slice(0, 150).map((resident) => ({ personId: resident.id, year: 2024 }));
    const returns = await client.getIncomeTaxReturns([...keys, { personId: '110105194912310021', year: 2024 }]);
    const expected = keys.filter(
      ({ personId }) => incomeTaxReturnOf(dataSet.residentById.get(personId)!, 2024) !== null,
    );
    expect([...returns.keys()].sort()).toEqual(expected.map(({ personId }) => `${personId}:2024`).sort());
    expect((await admin('/__admin/stats')).operations['grsds.hsqj.plcx']).toEqual({ calls: 2, items: 150 });
  });
});

describe('when the bureau is in trouble', () => {
  const uscc = fixtures.companyInArrears;

  it('is unreachable when the system drops connections', async () => {
    await admin('/__admin/faults', { down: true });
    await expectUnavailable(client.getTaxProfiles([uscc]), 'unreachable');
  });

  it('is unreachable when nothing listens', async () => {
    const closed = await startTaxMock({ port: 0 });
    await closed.close();
    const stranded = new TaxClient({ baseUrl: closed.url });
    await expectUnavailable(stranded.getFilings(uscc, 2024), 'unreachable');
    stranded.close();
  });

  it('waits out latency within the timeout, and times out beyond it', async () => {
    await admin('/__admin/faults', { latencyMs: 40 });
    expect((await client.getTaxProfiles([uscc])).size).toBe(1);
    const impatient = new TaxClient({ baseUrl: mock.url, timeoutMs: 20 });
    await expectUnavailable(impatient.getTaxProfiles([uscc]), 'timeout');
    impatient.close();
  });

  it('times out on a hanging system', async () => {
    await admin('/__admin/faults', { hangRate: 1 });
    const impatient = new TaxClient({ baseUrl: mock.url, timeoutMs: 100 });
    await expectUnavailable(impatient.getFilings(uscc, 2024), 'timeout');
    impatient.close();
  });

  it('reports a fault on 9999 系统繁忙', async () => {
    await admin('/__admin/faults', { errorRate: 1 });
    const error = await expectUnavailable(
      client.getIncomeTaxReturns([{ personId: fixtures.multiRepresentative, year: 2024 }]),
      'fault',
    );
    expect(error.originalError).toMatchObject({ status: 500, code: '9999' });
  });

  it('reports malformed on a cut-short answer', async () => {
    await admin('/__admin/faults', { malformedRate: 1 });
    await expectUnavailable(client.getTaxProfiles([uscc]), 'malformed');
    await expectUnavailable(client.getFilings(uscc, 2024), 'malformed');
  });

  it('is rejected with a wrong API key', async () => {
    const stranger = new TaxClient({ baseUrl: mock.url, apiKey: 'guess' });
    const error = await expectUnavailable(stranger.getTaxProfiles([uscc]), 'rejected');
    expect(error.originalError).toMatchObject({ status: 401, code: '1002' });
    stranger.close();
  });
});

describe('reading answers that break the interface document', () => {
  let stub: Server;
  let stubClient: TaxClient;
  let answer: (url: string, body: string) => { status: number; body: unknown };

  beforeAll(async () => {
    stub = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const reply = answer(req.url ?? '', body);
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubClient = new TaxClient({ baseUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    stubClient.close();
    await new Promise((resolve) => stub.close(resolve));
  });

  const company = dataSet.companies.find(
    (candidate) => candidate.tax.taxpayerType === 'GENERAL' && candidate.tax.registeredOn < '2023',
  )!;
  const ok = (data: unknown) => ({ status: 200, body: { code: '0000', msg: '成功', data } });
  const legacyFiling = (month: number) => {
    const mm = String(month).padStart(2, '0');
    return {
      zsxmDm: '10101',
      sssqq: `2024${mm}01`,
      sssqz: `2024${mm}${new Date(Date.UTC(2024, month, 0)).getUTCDate()}`,
      ybtse: '100',
      sbrq: '20240315',
    };
  };

  it('reads every page of a long list and sorts by period', async () => {
    const entries = Array.from({ length: 150 }, (_, index) => ({ ...legacyFiling(2), ybtse: String(index) }));
    entries.push({ ...legacyFiling(1), ybtse: '999' });
    answer = (url) => {
      const pageNo = Number(new URL(url, 'http://stub').searchParams.get('pageNo'));
      return ok({ total: 151, sbxxList: entries.slice((pageNo - 1) * 100, pageNo * 100) });
    };
    const filings = await stubClient.getFilings(company.uscc, 2024);
    expect(filings).toHaveLength(151);
    expect(filings[0]).toMatchObject({ period: '2024-01', amount: '9.99' });
    expect(filings.slice(1).map((filing) => filing.amount)).toEqual(
      entries.slice(0, 150).map((entry) => fenToDecimal(entry.ybtse)),
    );
  });

  it('reports malformed when pages do not add up, or a period or tax item is unknown', async () => {
    answer = () => ok({ total: 2, sbxxList: [legacyFiling(2)] });
    await expectUnavailable(stubClient.getFilings(company.uscc, 2024), 'malformed');
    answer = () => ok({ total: 1, sbxxList: [{ ...legacyFiling(2), sssqz: '20240228' }] });
    await expectUnavailable(stubClient.getFilings(company.uscc, 2024), 'malformed');
    answer = () => ok({ total: 1, sbxxList: [{ ...legacyFiling(2), zsxmDm: '10199' }] });
    await expectUnavailable(stubClient.getFilings(company.uscc, 2024), 'malformed');
    answer = () => ok({ total: 1_000_000, sbxxList: [] });
    await expectUnavailable(stubClient.getFilings(company.uscc, 2024), 'malformed');
  });

  it('reports malformed for an entry nobody asked for, or a balance that contradicts the figures', async () => {
    const other = dataSet.companies[1]!;
    answer = () => ok({ nsrxxList: [{ nsrsbh: other.uscc, nsrlx: '1', swdjrq: '20200101', nsxydj: 'A', qsje: '0' }] });
    await expectUnavailable(stubClient.getTaxProfiles([company.uscc]), 'malformed');
    const person = fixtures.multiRepresentative;
    answer = () => ok({ hsqjList: [{ sfzjhm: person, nd: '2024', srze: '100', ynse: '10', yjse: '4', ybtse: '5' }] });
    await expectUnavailable(stubClient.getIncomeTaxReturns([{ personId: person, year: 2024 }]), 'malformed');
  });

  it('reports rejected for a refusal code or a 404, fault for 9999 even in a 200', async () => {
    answer = () => ({ status: 200, body: { code: '2006', msg: '单次查询数量超过上限', data: null } });
    await expectUnavailable(stubClient.getTaxProfiles([company.uscc]), 'rejected');
    answer = () => ({ status: 404, body: 'no such path' });
    await expectUnavailable(stubClient.getTaxProfiles([company.uscc]), 'rejected');
    answer = () => ({ status: 200, body: { code: '9999', msg: '系统繁忙' } });
    await expectUnavailable(stubClient.getTaxProfiles([company.uscc]), 'fault');
  });
});
