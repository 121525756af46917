import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLegacyServer, StatsSnapshot } from '../../../legacy-mocks/common/index.js';
import { loadDataSet, type Company, type Shareholding } from '../../../legacy-mocks/data/index.js';
import { startMarketMock } from '../../../legacy-mocks/market/index.js';
import { fenToDecimal, SOAP_EXCHANGE_PROPERTIES } from '../../kit/index.js';
import { findRetainedText } from '../../kit/legacy/testing/findRetainedText.js';
import { MARKET_BATCH_MAXIMUM, MarketClient } from './index.js';

// The real registry mock on an ephemeral port, the real client over HTTP. Expected values are
// computed here from the data set, in graph terms, independently of either side's translation.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
let server: RunningLegacyServer;
let client: MarketClient;

beforeAll(async () => {
  server = await startMarketMock({ port: 0, dataSet });
  client = new MarketClient({ url: server.url });
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

async function stats(): Promise<StatsSnapshot> {
  return (await fetch(`${server.url}/__admin/stats`)).json() as Promise<StatsSnapshot>;
}

function expectedCompany(company: Company) {
  return {
    uscc: company.uscc,
    name: company.name,
    legalForm: company.legalForm,
    status: company.status,
    establishedOn: company.establishedOn,
    registeredCapital: fenToDecimal(company.registeredCapitalFen),
    address: company.address,
    businessScope: company.businessScope,
    legalRepresentativeName: dataSet.residentById.get(company.legalRepresentativeId)!.name,
    legalRepresentativeId: company.legalRepresentativeId,
  };
}

function expectedShareholding(holding: Shareholding) {
  return {
    companyUscc: holding.companyUscc,
    holderId: holding.holderId,
    holderName: dataSet.residentById.get(holding.holderId)!.name,
    sharePercent: holding.sharePercent,
    subscribedCapital: fenToDecimal(holding.subscribedCapitalFen),
  };
}

/**
 * A client with a short deadline, its WSDL loaded: on a busy machine the first load may miss a
 * 150 ms deadline, so it is tried a few times (no sleeping: each try is a real request).
 */
async function warmedUp(client: MarketClient): Promise<MarketClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.getCompanies([dataSet.companies[0]!.uscc]);
      return client;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Expects a DEPARTMENT_UNAVAILABLE for market with this reason, and nothing from the request in its message. */
async function expectUnavailable(
  call: Promise<unknown>,
  reason: string,
  secrets: readonly string[] = [],
): Promise<void> {
  const error = (await call.then(
    () => expect.unreachable('the call succeeded'),
    (caught: unknown) => caught,
  )) as GraphQLError;
  expect(error.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'market', reason });
  for (const secret of secrets) expect(error.message).not.toContain(secret);
}

describe('getCompanies', () => {
  it('returns companies in graph terms, keyed by USCC, and leaves unknown ones out', async () => {
    const usccs = [fixtures.companyInArrears, fixtures.revokedCompany, dataSet.companies[42]!.uscc];
    const unknown = `${dataSet.companies[0]!.uscc.slice(0, 16)}`; // too short to be a USCC at all
    const found = await client.getCompanies([...usccs, unknown]);
    expect([...found.keys()].sort()).toEqual([...usccs].sort());
    for (const uscc of usccs) expect(found.get(uscc)).toEqual(expectedCompany(dataSet.companyByUscc.get(uscc)!));
    expect(found.get(fixtures.revokedCompany)!.status).toBe('REVOKED');
  });

  it('costs one legacy call per 100 USCCs: 250 make 3 calls', async () => {
    const usccs = dataSet.companies.slice(0, 250).map((company) => company.uscc);
    const found = await client.getCompanies(usccs);
    expect(found.size).toBe(250);
    expect((await stats()).operations.queryQyjbxx).toEqual({ calls: 3, items: 250 });
    expect(MARKET_BATCH_MAXIMUM).toBe(100);
  });

  it('sends nothing for no keys, de-duplicates, and answers a lower-case key under its own spelling', async () => {
    expect((await client.getCompanies([])).size).toBe(0);
    const uscc = dataSet.companies.find((company) => /[A-Z]/.test(company.uscc))!.uscc;
    const found = await client.getCompanies([uscc, uscc.toLowerCase(), uscc]);
    expect(found.get(uscc.toLowerCase())).toEqual(found.get(uscc));
    expect((await stats()).operations.queryQyjbxx).toEqual({ calls: 1, items: 1 });
  });
});

describe('searchCompanies', () => {
  it('returns the first matches in registry order, in one call for a small page', async () => {
    const expected = dataSet.companies.filter((company) => company.name.includes('贸易')).slice(0, 5);
    expect(await client.searchCompanies(' 贸易 ', 5)).toEqual(expected.map(expectedCompany));
    expect((await stats()).operations.searchQyjbxx?.calls).toBe(1);
  });

  it('pages through the registry 50 at a time until it has enough', async () => {
    const matches = dataSet.companies.filter((company) => company.name.includes('科技'));
    expect(matches.length).toBeGreaterThan(120);
    const found = await client.searchCompanies('科技', 120);
    expect(found.map((company) => company.uscc)).toEqual(matches.slice(0, 120).map((company) => company.uscc));
    expect((await stats()).operations.searchQyjbxx?.calls).toBe(3);
  });

  it('stops when the matches run out', async () => {
    const only = dataSet.companies[7]!;
    expect((await client.searchCompanies(only.name, 20)).map((company) => company.uscc)).toEqual([only.uscc]);
    expect(await client.searchCompanies('没有这个名字的企业', 20)).toEqual([]);
    expect(await client.searchCompanies('   ', 20)).toEqual([]);
    expect((await stats()).operations.searchQyjbxx?.calls).toBe(2);
  });
});

describe('companiesByLegalRepresentatives', () => {
  it('returns every requested person, with [] for those who represent nothing', async () => {
    const representing = new Set(dataSet.companies.map((company) => company.legalRepresentativeId));
    const nobody = dataSet.residents.find((resident) => !representing.has(resident.id))!.id;
    const found = await client.companiesByLegalRepresentatives([fixtures.multiRepresentative, nobody]);
    const expected = dataSet.companiesByLegalRepresentative.get(fixtures.multiRepresentative)!;
    expect(expected).toHaveLength(3);
    expect(found.get(fixtures.multiRepresentative)).toEqual(expect.arrayContaining(expected.map(expectedCompany)));
    expect(found.get(fixtures.multiRepresentative)).toHaveLength(3);
    expect(found.get(nobody)).toEqual([]);
  });

  it('answers a malformed ID like an unknown one, without sending it', async () => {
    const bad = `${fixtures.multiRepresentative.slice(0, 17)}${fixtures.multiRepresentative[17] === '0' ? '1' : '0'}`;
    const found = await client.companiesByLegalRepresentatives([bad]);
    expect(found.get(bad)).toEqual([]);
    expect((await stats()).total).toBe(0);
  });
});

describe('shareholdersOf and shareholdingsOf', () => {
  it('returns all 1,000 shareholders of a company in one legacy call', async () => {
    const uscc = fixtures.companyWithShareholders[1000];
    const found = await client.shareholdersOf([uscc]);
    const expected = dataSet.shareholdingsByCompany.get(uscc)!;
    expect(found.get(uscc)).toHaveLength(1000);
    expect(found.get(uscc)!.slice()).toEqual(expected.map(expectedShareholding));
    expect((await stats()).operations.queryGdxx).toEqual({ calls: 1, items: 1 });
  });

  it('makes the same one call for 1, 10, 100 and 1,000 shareholders together', async () => {
    const usccs = [1, 10, 100, 1000].map((count) => fixtures.companyWithShareholders[count as 1 | 10 | 100 | 1000]);
    const found = await client.shareholdersOf(usccs);
    expect(usccs.map((uscc) => found.get(uscc)!.length)).toEqual([1, 10, 100, 1000]);
    expect((await stats()).total).toBe(1);
  });

  it('returns [] for a company it does not know', async () => {
    const unknown = dataSet.companies[0]!.uscc.toLowerCase().replace(/^9/, '8');
    expect((await client.shareholdersOf([unknown])).get(unknown)!.slice()).toEqual([]);
  });

  it("returns a person's shareholdings, every requested person present", async () => {
    const holder = fixtures.employeeShareholder;
    const someoneElse = dataSet.residents.find((resident) => !dataSet.shareholdingsByHolder.has(resident.id))!.id;
    const found = await client.shareholdingsOf([holder, someoneElse]);
    expect(found.get(holder)!.slice()).toEqual(dataSet.shareholdingsByHolder.get(holder)!.map(expectedShareholding));
    expect(
      found
        .get(holder)!
        .slice()
        .map((holding) => holding.companyUscc),
    ).toContain(fixtures.companyWithTwoShareholders);
    expect(found.get(someoneElse)!.slice()).toEqual([]);
  });
});

describe('what the client keeps after a call', () => {
  it('retains no request, response or headers on the soap client, and no personal data anywhere in it', async () => {
    const holding = dataSet.shareholdings[0]!;
    expect((await client.shareholdingsOf([holding.holderId])).get(holding.holderId)?.length).toBeGreaterThan(0);
    const soapClient = await client.transport.client();
    for (const property of [...SOAP_EXCHANGE_PROPERTIES, 'lastRequestHeaders'])
      expect(soapClient[property], property).toBeUndefined();
    expect(findRetainedText(soapClient, holding.holderId)).toEqual([]);
  });
});

describe('when the registry is in trouble', () => {
  const uscc = () => dataSet.companies[0]!.uscc;

  it('reports a dropped connection as unreachable', async () => {
    await setFaults({ down: true });
    await expectUnavailable(client.getCompanies([uscc()]), 'unreachable', [uscc()]);
  });

  it('reports an injected soap:Server fault as fault', async () => {
    await setFaults({ errorRate: 1 });
    await expectUnavailable(client.shareholdersOf([uscc()]), 'fault', [uscc()]);
  });

  it('reports a cut-off envelope as malformed', async () => {
    await setFaults({ malformedRate: 1 });
    await expectUnavailable(client.getCompanies([uscc()]), 'malformed');
    await expectUnavailable(client.searchCompanies('科技', 5), 'malformed');
  });

  it('reports a hung request as timeout after timeoutMs', async () => {
    const impatient = await warmedUp(new MarketClient({ url: server.url, timeoutMs: 200 }));
    await setFaults({ hangRate: 1 });
    const started = Date.now();
    await expectUnavailable(impatient.getCompanies([uscc()]), 'timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports latency beyond the deadline as timeout, and waits for latency within it', async () => {
    const impatient = await warmedUp(new MarketClient({ url: server.url, timeoutMs: 150 }));
    await setFaults({ latencyMs: 400 });
    await expectUnavailable(impatient.shareholdingsOf([fixtures.employeeShareholder]), 'timeout');
    await setFaults({ latencyMs: 50 });
    const started = Date.now();
    expect((await client.getCompanies([uscc()])).size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('reports a refused request as rejected', async () => {
    await expectUnavailable(client.searchCompanies('科'.repeat(60), 5), 'rejected');
  });

  it('reports a registry that was down at start as unreachable, and loads the WSDL on the next call', async () => {
    const late = new MarketClient({ url: server.url });
    await setFaults({ down: true });
    await expectUnavailable(late.getCompanies([uscc()]), 'unreachable');
    await setFaults({ down: false });
    expect((await late.getCompanies([uscc()])).size).toBe(1);
  });

  it('reports a port nobody listens on as unreachable', async () => {
    const gone = await startMarketMock({ port: 0, dataSet });
    await gone.close();
    await expectUnavailable(new MarketClient({ url: gone.url }).getCompanies([uscc()]), 'unreachable');
  });

  it('reports a well-formed answer that breaks the WSDL contract as malformed', async () => {
    // A registry that serves the real WSDL but answers with a status digit it never documented
    // and a record count that does not match: the envelope parses, the schema check refuses it.
    const wsdl = readFileSync(new URL('../../../legacy-mocks/market/registry.wsdl', import.meta.url), 'utf8');
    const company = dataSet.companies[0]!;
    const answers = [
      `<jls>1</jls><qyxx><tyshxydm>${company.uscc}</tyshxydm><qymc>x</qymc><qylx>x</qylx><djzt>7</djzt><clrq>20200101</clrq><zczb>1</zczb><zs>x</zs><jyfw>x</jyfw><fddbr>x</fddbr><fddbrzjhm>${company.legalRepresentativeId}</fddbrzjhm></qyxx>`,
      '<jls>3</jls>',
    ];
    let next = 0;
    const liar = createServer((req, res) => {
      if (req.method === 'GET') return res.end(wsdl);
      req.resume().on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(
          `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><queryQyjbxxResponse xmlns="http://qydj.scjgj.hangzhou.gov.cn/ws/registry">${answers[next++ % answers.length]}</queryQyjbxxResponse></soap:Body></soap:Envelope>`,
        );
      });
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    try {
      const liarClient = new MarketClient({ url: `http://127.0.0.1:${(liar.address() as AddressInfo).port}` });
      await expectUnavailable(liarClient.getCompanies([company.uscc]), 'malformed', [company.uscc]);
      await expectUnavailable(liarClient.getCompanies([company.uscc]), 'malformed');
    } finally {
      liar.closeAllConnections();
      await new Promise((resolve) => liar.close(resolve));
    }
  });
});
