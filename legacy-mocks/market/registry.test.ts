import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../core/ids.js';
import { fenToDecimal, scaleDecimal } from '../../core/money.js';
import type { RunningLegacyServer } from '../common/index.js';
import { loadDataSet } from '../data/index.js';
import { REGISTRY_NAMESPACE, startMarketMock } from './index.js';

// The registry seen as a legacy client sees it: hand-written envelopes over fetch, so every
// check here is of the wire format and the fault codes the README documents.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
let server: RunningLegacyServer;

beforeAll(async () => {
  server = await startMarketMock({ port: 0, dataSet });
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

interface SoapAnswer {
  status: number;
  text: string;
  errorCode: string | null;
  faultcode: string | null;
}

function envelope(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="${REGISTRY_NAMESPACE}"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
}

function request(operation: string, fields: Record<string, string | number | readonly string[]>): string {
  const children = Object.entries(fields)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => `<q:${name}>${item}</q:${name}>`),
    )
    .join('');
  return envelope(`<q:${operation}Request>${children}</q:${operation}Request>`);
}

async function post(body: string, headers: Record<string, string> = {}): Promise<SoapAnswer> {
  const response = await fetch(`${server.url}/registry`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/xml; charset=utf-8', ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    errorCode: /<errorCode>([^<]*)<\/errorCode>/.exec(text)?.[1] ?? null,
    faultcode: /<faultcode>([^<]*)<\/faultcode>/.exec(text)?.[1] ?? null,
  };
}

/** A well-formed USCC the data set does not hold. */
function unknownUscc(): string {
  for (let serial = 0; ; serial++) {
    const body = `91330100MA${String(serial).padStart(7, '0')}`;
    const uscc = body + usccCheckCharacter(body);
    if (!dataSet.companyByUscc.has(uscc)) return uscc;
  }
}

function elements(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((match) => match[1]!);
}

async function setFaults(faults: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/__admin/faults`, {
    method: 'POST',
    body: JSON.stringify(faults),
    headers: { 'content-type': 'application/json' },
  });
}

async function stats(): Promise<{ total: number; operations: Record<string, { calls: number; items: number }> }> {
  return (await fetch(`${server.url}/__admin/stats`)).json() as never;
}

describe('the WSDL', () => {
  it('is served at /registry?wsdl with the five operations and money typed as text', async () => {
    const response = await fetch(`${server.url}/registry?wsdl`);
    const wsdl = await response.text();
    expect(response.status).toBe(200);
    for (const operation of ['queryQyjbxx', 'searchQyjbxx', 'queryQyjbxxByFddbr', 'queryGdxx', 'queryDwtzxx']) {
      expect(wsdl).toContain(`<wsdl:operation name="${operation}">`);
    }
    expect(wsdl).toMatch(/name="zczb" type="xsd:string"/);
    expect(wsdl).toMatch(/name="rjcze" type="xsd:string"/);
  });
});

describe('queryQyjbxx', () => {
  it('prints companies in the registry vocabulary, from the data set', async () => {
    const company = dataSet.companyByUscc.get(fixtures.revokedCompany)!;
    const representative = dataSet.residentById.get(company.legalRepresentativeId)!;
    const answer = await post(request('queryQyjbxx', { tyshxydm: [company.uscc] }));
    expect(answer.status).toBe(200);
    expect(elements(answer.text, 'jls')).toEqual(['1']);
    expect(elements(answer.text, 'tyshxydm')).toEqual([company.uscc]);
    expect(elements(answer.text, 'qymc')).toEqual([company.name]);
    expect(elements(answer.text, 'qylx')).toEqual([company.legalForm]);
    expect(elements(answer.text, 'djzt')).toEqual(['2']);
    expect(elements(answer.text, 'clrq')).toEqual([company.establishedOn.replaceAll('-', '')]);
    expect(scaleDecimal(elements(answer.text, 'zczb')[0]!, 4)).toBe(fenToDecimal(company.registeredCapitalFen));
    expect(elements(answer.text, 'fddbr')).toEqual([representative.name]);
    expect(elements(answer.text, 'fddbrzjhm')).toEqual([representative.id]);
  });

  it('leaves unknown codes out without an error and answers duplicates once', async () => {
    const unknown = unknownUscc();
    expect(dataSet.companyByUscc.has(unknown)).toBe(false);
    const known = dataSet.companies[30]!.uscc;
    const answer = await post(request('queryQyjbxx', { tyshxydm: [known, unknown, known] }));
    expect(answer.status).toBe(200);
    expect(elements(answer.text, 'tyshxydm')).toEqual([known]);
    expect(elements(answer.text, 'jls')).toEqual(['1']);
  });

  it('accepts exactly the batch maximum of 100 codes', async () => {
    const codes = dataSet.companies.slice(0, 100).map((company) => company.uscc);
    const answer = await post(request('queryQyjbxx', { tyshxydm: codes }));
    expect(answer.status).toBe(200);
    expect(elements(answer.text, 'jls')).toEqual(['100']);
  });
});

describe('searchQyjbxx', () => {
  it('pages through the companies whose name holds the keyword, with the total', async () => {
    const matches = dataSet.companies.filter((company) => company.name.includes('科技'));
    const answer = await post(request('searchQyjbxx', { qymc: '科技', ym: 2, mys: 7 }));
    expect(elements(answer.text, 'zjls')).toEqual([String(matches.length)]);
    expect(elements(answer.text, 'tyshxydm')).toEqual(matches.slice(7, 14).map((company) => company.uscc));
  });

  it('answers a page past the end with no companies', async () => {
    const answer = await post(request('searchQyjbxx', { qymc: '科技', ym: 1000, mys: 50 }));
    expect(answer.status).toBe(200);
    expect(elements(answer.text, 'tyshxydm')).toEqual([]);
  });
});

describe('queryQyjbxxByFddbr, queryGdxx and queryDwtzxx', () => {
  it('finds every company a person represents', async () => {
    const expected = dataSet.companiesByLegalRepresentative
      .get(fixtures.multiRepresentative)!
      .map((company) => company.uscc);
    const answer = await post(request('queryQyjbxxByFddbr', { fddbrzjhm: [fixtures.multiRepresentative] }));
    expect(elements(answer.text, 'tyshxydm').sort()).toEqual([...expected].sort());
  });

  it('sends all 1,000 shareholders of one company in one answer', async () => {
    const uscc = fixtures.companyWithShareholders[1000];
    const answer = await post(request('queryGdxx', { tyshxydm: [uscc] }));
    expect(elements(answer.text, 'zjhm')).toHaveLength(1000);
    expect(elements(answer.text, 'jls')).toEqual(['1000']);
    expect((await stats()).operations.queryGdxx).toEqual({ calls: 1, items: 1 });
  });

  it('prints a shareholding with its percent and capital in 万元', async () => {
    const [holding] = dataSet.shareholdingsByCompany.get(fixtures.companyWithShareholders[1])!;
    const answer = await post(request('queryGdxx', { tyshxydm: [holding!.companyUscc] }));
    expect(elements(answer.text, 'zjhm')).toEqual([holding!.holderId]);
    expect(elements(answer.text, 'gdmc')).toEqual([dataSet.residentById.get(holding!.holderId)!.name]);
    expect(Number(elements(answer.text, 'cgbl')[0])).toBe(holding!.sharePercent);
    expect(scaleDecimal(elements(answer.text, 'rjcze')[0]!, 4)).toBe(fenToDecimal(holding!.subscribedCapitalFen));
  });

  it("finds a person's shareholdings, with a lower-case x check digit too", async () => {
    const holder = dataSet.shareholdings.find((holding) => holding.holderId.endsWith('X'))!.holderId;
    const expected = dataSet.shareholdingsByHolder.get(holder)!.map((holding) => holding.companyUscc);
    const answer = await post(request('queryDwtzxx', { zjhm: [holder.toLowerCase()] }));
    expect(elements(answer.text, 'tyshxydm')).toEqual(expected);
  });
});

describe('bad input', () => {
  it('refuses a USCC with a bad check character with E1001, without echoing it', async () => {
    const good = dataSet.companies[0]!.uscc;
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const answer = await post(request('queryQyjbxx', { tyshxydm: [good, bad] }));
    expect(answer).toMatchObject({ status: 500, faultcode: 'soap:Client', errorCode: 'E1001' });
    expect(answer.text).toContain('item 2');
    expect(answer.text).not.toContain(bad);
  });

  it('refuses a malformed resident ID with E1002', async () => {
    const id = fixtures.multiRepresentative;
    const bad = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    for (const operation of ['queryQyjbxxByFddbr', 'queryDwtzxx']) {
      const field = operation === 'queryDwtzxx' ? 'zjhm' : 'fddbrzjhm';
      const answer = await post(request(operation, { [field]: [bad] }));
      expect(answer).toMatchObject({ status: 500, faultcode: 'soap:Client', errorCode: 'E1002' });
      expect(answer.text).not.toContain(bad);
    }
  });

  it('refuses an empty batch with E1003 and an oversized one with E1004', async () => {
    expect(await post(envelope('<q:queryGdxxRequest/>'))).toMatchObject({ status: 500, errorCode: 'E1003' });
    const codes = dataSet.companies.slice(0, 101).map((company) => company.uscc);
    expect(await post(request('queryGdxx', { tyshxydm: codes }))).toMatchObject({
      status: 500,
      faultcode: 'soap:Client',
      errorCode: 'E1004',
    });
  });

  it('refuses bad paging with E1005 and a blank or overlong keyword with E1006', async () => {
    expect(await post(request('searchQyjbxx', { qymc: '科技', ym: 0, mys: 10 }))).toMatchObject({ errorCode: 'E1005' });
    expect(await post(request('searchQyjbxx', { qymc: '科技', ym: 1, mys: 51 }))).toMatchObject({ errorCode: 'E1005' });
    expect(await post(request('searchQyjbxx', { qymc: '科技', ym: 'one', mys: 10 }))).toMatchObject({
      errorCode: 'E1005',
    });
    expect(await post(request('searchQyjbxx', { qymc: '  ', ym: 1, mys: 10 }))).toMatchObject({ errorCode: 'E1006' });
    expect(await post(request('searchQyjbxx', { qymc: '科'.repeat(51), ym: 1, mys: 10 }))).toMatchObject({
      errorCode: 'E1006',
    });
  });

  it('refuses what is not a SOAP request for this service with E1000', async () => {
    const bodies = [
      'not xml at all',
      '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><q:queryQyjbxxRequest',
      '<registry/>',
      envelope(''),
      envelope('<q:dropTablesRequest/>'),
      '',
    ];
    for (const body of bodies) {
      const answer = await post(body);
      expect(answer, body).toMatchObject({ status: 500, faultcode: 'soap:Client', errorCode: 'E1000' });
      expect(answer.text).not.toMatch(/ at .*\.js/);
    }
  });

  it('refuses a SOAPAction that names another operation with E1000', async () => {
    const body = request('queryQyjbxx', { tyshxydm: [dataSet.companies[0]!.uscc] });
    expect(await post(body, { SOAPAction: `"${REGISTRY_NAMESPACE}/queryGdxx"` })).toMatchObject({ errorCode: 'E1000' });
    expect(await post(body, { SOAPAction: `"${REGISTRY_NAMESPACE}/queryQyjbxx"` })).toMatchObject({ status: 200 });
    expect(await post(body, { SOAPAction: '""' })).toMatchObject({ status: 200 });
  });

  it('refuses a body over 256 KB with E1007 and HTTP 413', async () => {
    const answer = await post(
      envelope(`<q:queryQyjbxxRequest>${'<q:tyshxydm>x</q:tyshxydm>'.repeat(12_000)}</q:queryQyjbxxRequest>`),
    );
    expect(answer).toMatchObject({ status: 413, errorCode: 'E1007' });
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/registry`)).status).toBe(405);
    expect((await fetch(`${server.url}/registry`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('the admin endpoints', () => {
  it('count calls and requested items per operation, only for calls that reached it', async () => {
    const codes = dataSet.companies.slice(0, 7).map((company) => company.uscc);
    await post(request('queryQyjbxx', { tyshxydm: codes }));
    await post(request('queryQyjbxx', { tyshxydm: codes.slice(0, 2) }));
    await post(request('searchQyjbxx', { qymc: '贸易', ym: 1, mys: 5 }));
    await post('not xml');
    expect(await stats()).toEqual({
      total: 3,
      operations: { queryQyjbxx: { calls: 2, items: 9 }, searchQyjbxx: { calls: 1, items: 1 } },
    });

    await setFaults({ errorRate: 1 });
    const failed = await post(request('queryQyjbxx', { tyshxydm: codes }));
    expect(failed).toMatchObject({ status: 500, faultcode: 'soap:Server', errorCode: 'E9999' });
    expect((await stats()).total).toBe(3);
  });

  it('reset clears the faults and the counts', async () => {
    await post(request('queryGdxx', { tyshxydm: [dataSet.companies[0]!.uscc] }));
    expect((await setFaults({ malformedRate: 1, latencyMs: 5 })).status).toBe(200);
    const malformed = await post(request('queryGdxx', { tyshxydm: [dataSet.companies[0]!.uscc] }));
    expect(malformed.status).toBe(200);
    expect(malformed.text).not.toContain('</soap:Envelope>');

    expect((await fetch(`${server.url}/__admin/reset`, { method: 'POST' })).status).toBe(200);
    expect(await stats()).toEqual({ total: 0, operations: {} });
    expect(await (await fetch(`${server.url}/__admin/faults`)).json()).toMatchObject({
      malformedRate: 0,
      latencyMs: 0,
      down: false,
    });
    expect((await post(request('queryGdxx', { tyshxydm: [dataSet.companies[0]!.uscc] }))).status).toBe(200);
  });

  it('refuses a fault setting it does not know', async () => {
    expect((await setFaults({ errorRate: 2 })).status).toBe(400);
    expect((await setFaults({ explode: true })).status).toBe(400);
  });

  it('drops connections while down', async () => {
    await setFaults({ down: true });
    await expect(post(request('queryQyjbxx', { tyshxydm: [dataSet.companies[0]!.uscc] }))).rejects.toThrow();
    expect((await stats()).total).toBe(0);
  });
});
