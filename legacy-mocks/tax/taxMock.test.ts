import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../core/ids.js';
import type { RunningLegacyServer } from '../common/index.js';
import { filingsOf, incomeTaxReturnOf, loadDataSet, type TaxFiling } from '../data/index.js';
import { startTaxMock, TAX_DEV_API_KEY } from './startTaxMock.js';
import { TAX_RESULT_CODES } from './taxResultCodes.js';

const dataSet = loadDataSet();
const { fixtures } = dataSet;
let server: RunningLegacyServer;

beforeAll(async () => {
  server = await startTaxMock({ port: 0, apiKey: TAX_DEV_API_KEY });
});
afterAll(() => server.close());
beforeEach(() => admin('/__admin/reset'));

interface Answer {
  status: number;
  code: unknown;
  msg: unknown;
  data: any;
}

/** One raw call of the tax system: JSON bodies are sent as given, strings verbatim. */
async function call(
  path: string,
  options: { body?: unknown; method?: string; apiKey?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== null) headers['x-api-key'] = options.apiKey ?? TAX_DEV_API_KEY;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(server.url + path, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const json = (await response.json()) as { code: unknown; msg: unknown; data: unknown };
  return { status: response.status, code: json.code, msg: json.msg, data: json.data };
}

async function admin(path: string, body?: unknown): Promise<any> {
  const response = await fetch(server.url + path, {
    method: body === undefined && path.endsWith('stats') ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

const taxpayers = (nsrsbhList: unknown) => call('/api/nsrxx/plcx', { body: { nsrsbhList } });
const filings = (query: Record<string, string>) => call(`/api/sbxx/cx?${new URLSearchParams(query)}`);
const incomeTaxReturns = (cxtjList: unknown) => call('/api/grsds/hsqj/plcx', { body: { cxtjList } });

/** A well-formed USCC that no company of the data set holds. */
function unknownUscc(): string {
  for (let n = 0; ; n++) {
    const body = `91330100MA${String(n).padStart(7, '0')}`;
    const uscc = body + usccCheckCharacter(body);
    if (!dataSet.companyByUscc.has(uscc)) return uscc;
  }
}

/** The same USCC with a check character that does not match. */
function withWrongCheck(uscc: string): string {
  return uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
}

const expectRefusal = (answer: Answer, code: string, status = 200) => {
  expect({ status: answer.status, code: answer.code, data: answer.data }).toEqual({ status, code, data: null });
  expect(answer.msg).toEqual(expect.any(String));
};

describe('纳税人信息批量查询 (POST /api/nsrxx/plcx)', () => {
  it('answers register entries from the data set in legacy form', async () => {
    const company = dataSet.companyByUscc.get(fixtures.companyInArrears)!;
    const answer = await taxpayers([company.uscc]);
    expect(answer.code).toBe('0000');
    expect(answer.data.nsrxxList).toEqual([
      {
        nsrsbh: company.uscc,
        nsrmc: company.name,
        nsrlx: company.tax.taxpayerType === 'GENERAL' ? '1' : '2',
        swdjrq: company.tax.registeredOn.replaceAll('-', ''),
        nsxydj: company.tax.creditRating,
        qsje: String(company.tax.arrearsFen),
      },
    ]);
  });

  it('leaves unknown taxpayers out, answers duplicates once and accepts lower case', async () => {
    const known = dataSet.companies.slice(0, 3).map((company) => company.uscc);
    const answer = await taxpayers([known[0], unknownUscc(), known[1]!.toLowerCase(), known[2], known[0]]);
    expect(answer.data.nsrxxList.map((entry: { nsrsbh: string }) => entry.nsrsbh)).toEqual(known);
  });

  it('takes 100 numbers and refuses 101 with 2006', async () => {
    const hundred = dataSet.companies.slice(0, 100).map((company) => company.uscc);
    expect((await taxpayers(hundred)).data.nsrxxList).toHaveLength(100);
    expectRefusal(await taxpayers([...hundred, dataSet.companies[100]!.uscc]), '2006');
  });

  it('refuses a malformed number with 2002 without echoing it', async () => {
    const answer = await taxpayers([fixtures.companyInArrears, withWrongCheck(fixtures.companyInArrears)]);
    expectRefusal(answer, '2002');
    expect(answer.msg).toMatch(/nsrsbhList\[1\]/);
    expect(answer.msg).not.toContain(fixtures.companyInArrears.slice(0, 17));
  });

  it('refuses a body that is not JSON, not an object or lacks the list with 2001', async () => {
    expectRefusal(await call('/api/nsrxx/plcx', { body: '{"nsrsbhList": [' }), '2001');
    expectRefusal(await call('/api/nsrxx/plcx', { body: '[]' }), '2001');
    expectRefusal(await call('/api/nsrxx/plcx', { body: { nsrsbh: fixtures.companyInArrears } }), '2001');
    expectRefusal(await taxpayers([42]), '2001');
  });

  it('refuses a body over 64 KiB with 413 and 2007', async () => {
    expectRefusal(
      await call('/api/nsrxx/plcx', { body: JSON.stringify({ nsrsbhList: ['x'.repeat(70_000)] }) }),
      '2007',
      413,
    );
  });
});

describe('申报信息查询 (GET /api/sbxx/cx)', () => {
  const company = dataSet.companyByUscc.get(fixtures.companyWithTwoShareholders)!;
  const year = 2024;

  /** The legacy form of a filing, computed here from the data set's period notation. */
  function expected(filing: TaxFiling) {
    const y = filing.period.slice(0, 4);
    const [first, last] =
      filing.period.length === 4
        ? [1, 12]
        : filing.period[4] === 'Q'
          ? [Number(filing.period[5]) * 3 - 2, Number(filing.period[5]) * 3]
          : [Number(filing.period.slice(4)), Number(filing.period.slice(4))];
    const lastDay = new Date(Date.UTC(Number(y), last, 0)).getUTCDate();
    const codes = {
      VAT: ['10101', '增值税'],
      CORPORATE_INCOME_TAX: ['10104', '企业所得税'],
      INDIVIDUAL_INCOME_TAX_WITHHOLDING: ['10106', '个人所得税'],
      STAMP_DUTY: ['10111', '印花税'],
    } as const;
    return {
      zsxmDm: codes[filing.taxKind][0],
      zsxmMc: codes[filing.taxKind][1],
      sssqq: `${y}${String(first).padStart(2, '0')}01`,
      sssqz: `${y}${String(last).padStart(2, '0')}${lastDay}`,
      ybtse: String(filing.amountFen),
      sbrq: filing.filedOn.replaceAll('-', ''),
    };
  }

  it('answers a year of returns with the total, a page at a time', async () => {
    const all = filingsOf(company, year);
    expect(all.length).toBeGreaterThan(10);
    const first = await filings({ nsrsbh: company.uscc, nd: String(year), pageNo: '1', pageSize: '100' });
    expect(first.code).toBe('0000');
    expect(first.data).toEqual({ total: all.length, pageNo: 1, pageSize: 100, sbxxList: all.map(expected) });

    const pages = [];
    for (let pageNo = 1; pageNo <= Math.ceil(all.length / 7); pageNo++) {
      const page = await filings({ nsrsbh: company.uscc, nd: String(year), pageNo: String(pageNo), pageSize: '7' });
      expect(page.data.total).toBe(all.length);
      pages.push(...page.data.sbxxList);
    }
    expect(pages).toEqual(all.map(expected));
  });

  it('writes months, quarters and years as first and last day', async () => {
    const smallScale = dataSet.companies.find(
      (candidate) => candidate.tax.taxpayerType === 'SMALL_SCALE' && candidate.tax.registeredOn < '2023',
    )!;
    const answer = await filings({ nsrsbh: smallScale.uscc, nd: '2024', pageSize: '100' });
    const quarters = answer.data.sbxxList.filter((entry: { zsxmDm: string }) => entry.zsxmDm === '10101');
    expect(quarters.map((entry: { sssqq: string; sssqz: string }) => [entry.sssqq, entry.sssqz])).toEqual([
      ['20240101', '20240331'],
      ['20240401', '20240630'],
      ['20240701', '20240930'],
      ['20241001', '20241231'],
    ]);
    expect(answer.data.sbxxList).toEqual(filingsOf(smallScale, 2024).map(expected));
  });

  it('pages 20 by default and answers an empty page past the end', async () => {
    const total = filingsOf(company, year).length;
    expect((await filings({ nsrsbh: company.uscc, nd: String(year) })).data.sbxxList).toHaveLength(Math.min(20, total));
    expect((await filings({ nsrsbh: company.uscc, nd: String(year), pageNo: '9' })).data).toEqual({
      total,
      pageNo: 9,
      pageSize: 20,
      sbxxList: [],
    });
  });

  it('answers no returns for a year before the registration', async () => {
    const young = dataSet.companies.find((candidate) => candidate.tax.registeredOn > '2010')!;
    const before = String(Number(young.tax.registeredOn.slice(0, 4)) - 1);
    expect((await filings({ nsrsbh: young.uscc, nd: before })).data).toEqual({
      total: 0,
      pageNo: 1,
      pageSize: 20,
      sbxxList: [],
    });
  });

  it('answers 3001 for an unknown taxpayer', async () => {
    expectRefusal(await filings({ nsrsbh: unknownUscc(), nd: '2024' }), '3001');
  });

  it('refuses a malformed number (2002), a bad year (2004), bad paging (2005) and missing parameters (2001)', async () => {
    expectRefusal(await filings({ nsrsbh: 'ABC', nd: '2024' }), '2002');
    expectRefusal(await filings({ nsrsbh: withWrongCheck(company.uscc), nd: '2024' }), '2002');
    for (const nd of ['1990', '2100', '24', '20x4']) expectRefusal(await filings({ nsrsbh: company.uscc, nd }), '2004');
    for (const paging of [{ pageSize: '101' }, { pageSize: '0' }, { pageNo: '0' }, { pageNo: 'x' }] as Record<
      string,
      string
    >[])
      expectRefusal(await filings({ nsrsbh: company.uscc, nd: '2024', ...paging }), '2005');
    expectRefusal(await filings({ nd: '2024' }), '2001');
    expectRefusal(await filings({ nsrsbh: company.uscc }), '2001');
  });
});

describe('个人所得税汇算清缴批量查询 (POST /api/grsds/hsqj/plcx)', () => {
  const person = dataSet.residentById.get(fixtures.multiRepresentative)!;

  it('answers reconciliations from the data set with ybtse = ynse − yjse', async () => {
    const answer = await incomeTaxReturns([
      { sfzjhm: person.id, nd: '2024' },
      { sfzjhm: person.id, nd: 2025 },
    ]);
    expect(answer.code).toBe('0000');
    expect(answer.data.hsqjList).toEqual(
      [2024, 2025].map((year) => {
        const taxReturn = incomeTaxReturnOf(person, year)!;
        return {
          sfzjhm: person.id,
          nd: String(year),
          srze: String(taxReturn.incomeFen),
          ynse: String(taxReturn.taxDueFen),
          yjse: String(taxReturn.taxPaidFen),
          ybtse: String(taxReturn.taxDueFen - taxReturn.taxPaidFen),
        };
      }),
    );
  });

  it('leaves out pairs without a return: unknown people and years without one', async () => {
    const uninsured = fixtures.personWithoutSocialInsurance;
    expect(incomeTaxReturnOf(dataSet.residentById.get(uninsured)!, 2024)).toBeNull();
    const answer = await incomeTaxReturns([
      { sfzjhm: uninsured, nd: '2024' },
      { sfzjhm: person.id, nd: '2026' },
      { sfzjhm: '11010519491231002X', nd: '2024' },
    ]);
    expect(answer).toMatchObject({ code: '0000', data: { hsqjList: [] } });
  });

  it('refuses a malformed ID (2003), a bad year (2004), a malformed entry (2001) and 101 pairs (2006)', async () => {
    expectRefusal(await incomeTaxReturns([{ sfzjhm: '110105194912310021', nd: '2024' }]), '2003');
    expectRefusal(await incomeTaxReturns([{ sfzjhm: person.id, nd: '1993' }]), '2004');
    expectRefusal(await incomeTaxReturns([{ sfzjhm: person.id }]), '2004');
    expectRefusal(await incomeTaxReturns([person.id]), '2001');
    expectRefusal(
      await incomeTaxReturns(Array.from({ length: 101 }, () => ({ sfzjhm: person.id, nd: '2024' }))),
      '2006',
    );
  });
});

describe('the interface around the operations', () => {
  it('refuses a missing key with 1001 and a wrong one with 1002, both 401', async () => {
    expectRefusal(await call('/api/nsrxx/plcx', { body: { nsrsbhList: [] }, apiKey: null }), '1001', 401);
    expectRefusal(await call('/api/nsrxx/plcx', { body: { nsrsbhList: [] }, apiKey: 'guess' }), '1002', 401);
  });

  it('answers 4004 for an unknown path and 4005 for a wrong method', async () => {
    expectRefusal(await call('/api/nsrxx'), '4004', 404);
    expectRefusal(await call('/api/sbxx/cx', { body: {} }), '4005', 405);
  });
});

describe('admin endpoints', () => {
  it('count served calls and requested items per operation, but not refused calls', async () => {
    const usccs = dataSet.companies.slice(0, 5).map((company) => company.uscc);
    await taxpayers(usccs);
    await taxpayers(usccs.slice(0, 2));
    await filings({ nsrsbh: unknownUscc(), nd: '2024' });
    await incomeTaxReturns([{ sfzjhm: fixtures.multiRepresentative, nd: '2024' }]);
    await taxpayers(['bad']);
    await call('/api/nsrxx/plcx', { body: { nsrsbhList: usccs }, apiKey: 'guess' });
    expect(await admin('/__admin/stats')).toEqual({
      total: 4,
      operations: {
        'nsrxx.plcx': { calls: 2, items: 7 },
        'sbxx.cx': { calls: 1, items: 1 },
        'grsds.hsqj.plcx': { calls: 1, items: 1 },
      },
    });
  });

  it('reset clears the stats and the faults', async () => {
    await taxpayers([fixtures.companyInArrears]);
    await admin('/__admin/faults', { errorRate: 1, latencyMs: 5 });
    await admin('/__admin/reset');
    expect(await admin('/__admin/stats')).toEqual({ total: 0, operations: {} });
    expect((await taxpayers([fixtures.companyInArrears])).code).toBe('0000');
  });

  it('inject errors as HTTP 500 with 9999 系统繁忙, not counted as calls', async () => {
    await admin('/__admin/faults', { errorRate: 1 });
    const response = await fetch(`${server.url}/api/nsrxx/plcx`, {
      method: 'POST',
      headers: { 'x-api-key': TAX_DEV_API_KEY },
      body: '{"nsrsbhList":[]}',
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: '9999', msg: '系统繁忙' });
    expect((await admin('/__admin/stats')).total).toBe(0);
  });

  it('inject malformed answers as a 200 with JSON cut short', async () => {
    await admin('/__admin/faults', { malformedRate: 1 });
    const response = await fetch(`${server.url}/api/nsrxx/plcx`, {
      method: 'POST',
      headers: { 'x-api-key': TAX_DEV_API_KEY },
      body: '{"nsrsbhList":[]}',
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('drop connections while down, and still answer the admin endpoints', async () => {
    await admin('/__admin/faults', { down: true });
    await expect(
      fetch(`${server.url}/api/nsrxx/plcx`, {
        method: 'POST',
        headers: { 'x-api-key': TAX_DEV_API_KEY },
        body: '{"nsrsbhList":[]}',
      }),
    ).rejects.toThrow();
    expect(await fetch(`${server.url}/__admin/faults`).then((response) => response.json())).toMatchObject({
      down: true,
    });
  });
});

describe('README.md', () => {
  it('lists every result code with its HTTP status', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const { code, status } of Object.values(TAX_RESULT_CODES))
      expect(readme).toMatch(new RegExp(`\\|\\s*\`?${code}\`?\\s*\\|\\s*${status}\\s*\\|`));
  });
});
