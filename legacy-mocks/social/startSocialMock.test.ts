import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckDigit } from '../../core/ids.js';
import { fenToDecimal } from '../../core/money.js';
import type { RunningLegacyServer, StatsSnapshot } from '../common/index.js';
import { accountBalancesOf, addMonths, contributionsOf, loadDataSet } from '../data/index.js';
import {
  INSURANCE_PATH,
  MAX_CONTRIBUTION_MONTHS,
  MAX_EMPLOYERS_PER_CALL,
  MAX_PERSONS_PER_CALL,
  SOCIAL_FAULTS,
  startSocialMock,
  type SocialFaultCode,
} from './index.js';

// These tests speak raw SOAP over fetch, as any integrator would, to see the bureau's own
// answers; subgraphs/social/legacy/socialClient.test.ts covers the same system through the adapter.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
const NS = 'http://shbx.example/insurance/v1';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const PASSWORD_DIGEST =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

let system: RunningLegacyServer;

beforeAll(async () => {
  system = await startSocialMock({ port: 0, credentials: { username: 'portal-gateway', password: 'test-secret' } });
});

afterEach(async () => {
  await fetch(`${system.url}/__admin/reset`, { method: 'POST' });
});

afterAll(async () => {
  await system.close();
});

function usernameToken(username: string, password: string, type = PASSWORD_TEXT): string {
  return (
    '<soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">' +
    `<wsse:UsernameToken><wsse:Username>${username}</wsse:Username><wsse:Password Type="${type}">${password}</wsse:Password></wsse:UsernameToken>` +
    '</wsse:Security></soap:Header>'
  );
}

const GOOD_TOKEN = usernameToken('portal-gateway', 'test-secret');

function envelope(body: string, header = GOOD_TOKEN): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="${NS}">${header}<soap:Body>${body}</soap:Body></soap:Envelope>`;
}

const persons = (...ids: string[]) =>
  `<t:CxCbryxxRequest>${ids.map((id) => `<t:sfzhm>${id}</t:sfzhm>`).join('')}</t:CxCbryxxRequest>`;
const employers = (...usccs: string[]) =>
  `<t:CxDwcbxxRequest>${usccs.map((uscc) => `<t:tyshxydm>${uscc}</t:tyshxydm>`).join('')}</t:CxDwcbxxRequest>`;
const contributions = (id: string, from: string, to: string) =>
  `<t:CxGrjfmxRequest><t:sfzhm>${id}</t:sfzhm><t:ksqq>${from}</t:ksqq><t:jzqq>${to}</t:jzqq></t:CxGrjfmxRequest>`;

interface Answer {
  status: number;
  text: string;
  errorCode: string | undefined;
  faultcode: string | undefined;
}

async function post(xml: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(system.url + INSURANCE_PATH, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: xml,
    ...init,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    errorCode: /<errorCode>(\w+)<\/errorCode>/.exec(text)?.[1],
    faultcode: /<faultcode>([^<]+)<\/faultcode>/.exec(text)?.[1],
  };
}

async function stats(): Promise<StatsSnapshot> {
  return (await (await fetch(`${system.url}/__admin/stats`)).json()) as StatsSnapshot;
}

async function setFaults(faults: Record<string, unknown>): Promise<Response> {
  return fetch(`${system.url}/__admin/faults`, { method: 'POST', body: JSON.stringify(faults) });
}

/** The text of every element with this name, in order. */
function values(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1]!);
}

function unknownResidentId(): string {
  for (let sequence = 100; ; sequence++) {
    const body = `11010119000101${String(sequence).padStart(3, '0')}`;
    const id = body + residentIdCheckDigit(body);
    if (!dataSet.residentById.has(id)) return id;
  }
}

const yyyymmdd = (date: string) => date.replaceAll('-', '');

describe('the social insurance service', () => {
  it('serves its WSDL at /insurance?wsdl', async () => {
    const response = await fetch(`${system.url}${INSURANCE_PATH}?wsdl`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await readFile(new URL('./insurance.wsdl', import.meta.url), 'utf8'));
  });

  it('answers CxCbryxx with the legacy fields of an insured resident', async () => {
    const resident = dataSet.residentById.get(fixtures.multiRepresentative)!;
    const account = resident.insurance!;
    const { pensionFen, medicalFen } = accountBalancesOf(resident);
    const answer = await post(envelope(persons(resident.id)));
    expect(answer.status).toBe(200);
    expect(values(answer.text, 'sfzhm')).toEqual([resident.id]);
    expect(values(answer.text, 'xm')).toEqual([resident.name]);
    expect(values(answer.text, 'xb')).toEqual([resident.gender === 'MALE' ? '1' : '2']);
    expect(values(answer.text, 'csrq')).toEqual([yyyymmdd(resident.birthDate)]);
    expect(values(answer.text, 'lxdh')).toEqual([resident.phone]);
    expect(values(answer.text, 'jzdz')).toEqual([resident.address]);
    expect(values(answer.text, 'grbh')).toEqual([account.accountNumber]);
    expect(values(answer.text, 'cbzt')).toEqual(['1']);
    expect(values(answer.text, 'dwbh')).toEqual([account.employerUscc]);
    expect(values(answer.text, 'jfjs')).toEqual([fenToDecimal(account.contributionBaseFen)]);
    expect(values(answer.text, 'ylzhye')).toEqual([fenToDecimal(pensionFen)]);
    expect(values(answer.text, 'yibzhye')).toEqual([fenToDecimal(medicalFen)]);
  });

  it('knows a resident who was never insured, with contact details but without account fields', async () => {
    const resident = dataSet.residentById.get(fixtures.personWithoutSocialInsurance)!;
    expect(resident.insurance).toBeNull();
    const answer = await post(envelope(persons(resident.id)));
    expect(values(answer.text, 'xm')).toEqual([resident.name]);
    expect(values(answer.text, 'lxdh')).toEqual([resident.phone]);
    expect(values(answer.text, 'jzdz')).toEqual([resident.address]);
    expect(answer.text).not.toContain('<grbh>');
  });

  it('leaves unknown resident IDs out of a batch, answering repeated ones once', async () => {
    const answer = await post(
      envelope(persons(unknownResidentId(), fixtures.employeeShareholder, fixtures.employeeShareholder.toLowerCase())),
    );
    expect(answer.status).toBe(200);
    expect(values(answer.text, 'sfzhm')).toEqual([fixtures.employeeShareholder]);
  });

  it('answers CxGrjfmx month by month, with at most 120 months', async () => {
    const resident = dataSet.residentById.get(fixtures.multiRepresentative)!;
    const from = addMonths(resident.insurance!.endPeriod, -(MAX_CONTRIBUTION_MONTHS - 1));
    const months = contributionsOf(resident, from, resident.insurance!.endPeriod);
    const answer = await post(envelope(contributions(resident.id, from, resident.insurance!.endPeriod)));
    expect(answer.status).toBe(200);
    expect(values(answer.text, 'ssq')).toEqual(months.map((month) => month.period));
    expect(values(answer.text, 'grjf')).toEqual(months.map((month) => fenToDecimal(month.personalFen)));
    expect(values(answer.text, 'dwjf')).toEqual(months.map((month) => fenToDecimal(month.employerFen)));
    expect(months).toHaveLength(MAX_CONTRIBUTION_MONTHS);
  });

  it('answers CxDwcbxx for registered employers only', async () => {
    const company = dataSet.companyByUscc.get(fixtures.companyWithTwoShareholders)!;
    const unregistered = dataSet.companies.find((candidate) => candidate.employerAccount === null)!;
    const answer = await post(envelope(employers(company.uscc, unregistered.uscc)));
    expect(values(answer.text, 'tyshxydm')).toEqual([company.uscc]);
    expect(values(answer.text, 'dwbh')).toEqual([company.employerAccount!.accountNumber]);
    expect(values(answer.text, 'cbrs')).toEqual([
      String(dataSet.insuredEmployeesByCompany.get(company.uscc)?.length ?? 0),
    ]);
    expect(values(answer.text, 'qjje')).toEqual([fenToDecimal(company.employerAccount!.arrearsFen)]);
    expect(values(answer.text, 'zhjfq')).toEqual([company.employerAccount!.lastPaidPeriod]);
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${system.url}/elsewhere`)).status).toBe(404);
    expect((await fetch(system.url + INSURANCE_PATH, { method: 'PUT', body: 'x' })).status).toBe(405);
  });
});

describe('bad requests', () => {
  const someone = fixtures.multiRepresentative;
  const badId = '110105194912310021';
  const company = dataSet.companies[0]!.uscc;
  const cases: Array<[string, () => string, SocialFaultCode]> = [
    ['no WS-Security header', () => envelope(persons(someone), ''), 'E1001'],
    [
      'a UsernameToken without password',
      () => envelope(persons(someone), GOOD_TOKEN.replace(/<wsse:Password[^]*<\/wsse:Password>/, '')),
      'E1001',
    ],
    [
      'a wrong password',
      () => envelope(persons(someone), usernameToken('portal-gateway', 'dev-social-secret')),
      'E1002',
    ],
    ['a wrong username', () => envelope(persons(someone), usernameToken('someone-else', 'test-secret')), 'E1002'],
    [
      'a PasswordDigest',
      () => envelope(persons(someone), usernameToken('portal-gateway', 'test-secret', PASSWORD_DIGEST)),
      'E1003',
    ],
    ['a body that is not XML', () => 'sfzhm=1', 'E2001'],
    ['an empty body', () => '', 'E2001'],
    ['an envelope without a body', () => envelope('').replace('<soap:Body></soap:Body>', ''), 'E2001'],
    ['an unknown operation', () => envelope('<t:CxQbxxRequest><t:sfzhm>1</t:sfzhm></t:CxQbxxRequest>'), 'E2001'],
    ['an envelope cut short', () => envelope(persons(someone)).slice(0, -30), 'E2001'],
    ['an envelope over 256 KB', () => envelope(persons(...Array.from({ length: 9_000 }, () => someone))), 'E2002'],
    ['a malformed resident ID', () => envelope(persons(someone, badId)), 'E3001'],
    [
      'a resident ID element with children',
      () => envelope('<t:CxCbryxxRequest><t:sfzhm><t:x>1</t:x></t:sfzhm></t:CxCbryxxRequest>'),
      'E3001',
    ],
    ['a malformed USCC', () => envelope(employers(company, '91350100M000100Y44')), 'E3002'],
    ['a malformed resident ID for contributions', () => envelope(contributions(badId, '202001', '202012')), 'E3001'],
    ['a malformed period', () => envelope(contributions(someone, '202013', '202101')), 'E3003'],
    ['a reversed period range', () => envelope(contributions(someone, '202101', '202001')), 'E3004'],
    [
      'more than 200 resident IDs',
      () => envelope(persons(...dataSet.residents.slice(0, MAX_PERSONS_PER_CALL + 1).map((r) => r.id))),
      'E3005',
    ],
    [
      'more than 100 USCCs',
      () => envelope(employers(...dataSet.companies.slice(0, MAX_EMPLOYERS_PER_CALL + 1).map((c) => c.uscc))),
      'E3005',
    ],
    [
      'more than 120 months',
      () => envelope(contributions(someone, '201001', addMonths('201001', MAX_CONTRIBUTION_MONTHS))),
      'E3005',
    ],
    ['no resident ID at all', () => envelope('<t:CxCbryxxRequest/>'), 'E3006'],
    [
      'contributions without a range',
      () => envelope(`<t:CxGrjfmxRequest><t:sfzhm>${someone}</t:sfzhm></t:CxGrjfmxRequest>`),
      'E3006',
    ],
    [
      'contributions of an unknown resident',
      () => envelope(contributions(unknownResidentId(), '202001', '202012')),
      'E4001',
    ],
  ];

  it.each(cases)('refuses %s with a soap:Client fault and its code', async (_name, xml, code) => {
    const answer = await post(xml());
    expect(answer).toMatchObject({ status: 500, faultcode: 'soap:Client', errorCode: code });
    expect(answer.text).toContain(SOCIAL_FAULTS[code].message);
  });

  it('takes the SOAPAction of the operation, bare or in full, and refuses another one (E2001)', async () => {
    const xml = envelope(persons(someone));
    const withAction = (action: string) =>
      post(xml, { headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action } });
    expect((await withAction('"http://shbx.example/insurance/v1/CxCbryxx"')).status).toBe(200);
    expect((await withAction('CxCbryxx')).status).toBe(200);
    expect((await withAction('""')).status).toBe(200);
    expect(await withAction('"http://shbx.example/insurance/v1/CxGrjfmx"')).toMatchObject({
      status: 500,
      errorCode: 'E2001',
    });
    expect(await withAction('urn:other')).toMatchObject({ status: 500, errorCode: 'E2001' });
  });

  it('names the position of a malformed ID, never the ID itself', async () => {
    const answer = await post(envelope(persons(someone, badId)));
    expect(answer.text).toContain('#2');
    expect(answer.text).toMatch(/check digit/);
    expect(answer.text).not.toContain(badId);
  });

  it('survives a flood of bad requests and still answers good ones', async () => {
    const bad = [
      '<',
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><x:y xmlns:x="urn:x"/></soap:Body></soap:Envelope>',
      envelope('<t:CxCbryxxRequest><t:sfzhm a="1">x</t:sfzhm></t:CxCbryxxRequest>'),
    ];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => post(bad[index % bad.length]!)));
    expect(answers.every((answer) => answer.status === 500 && answer.errorCode !== undefined)).toBe(true);
    expect((await post(envelope(persons(someone)))).status).toBe(200);
  });
});

describe('admin endpoints and injected faults', () => {
  it('counts calls and requested items per operation, not calls refused on credentials', async () => {
    await post(envelope(persons(...dataSet.residents.slice(0, 7).map((r) => r.id))));
    await post(envelope(persons(fixtures.multiRepresentative, '110105194912310021')));
    await post(envelope(contributions(fixtures.multiRepresentative, '202001', '202012')));
    await post(envelope(employers(dataSet.companies[0]!.uscc, dataSet.companies[1]!.uscc)));
    await post(envelope(persons(fixtures.multiRepresentative), ''));
    expect(await stats()).toEqual({
      total: 4,
      operations: {
        CxCbryxx: { calls: 2, items: 9 },
        CxGrjfmx: { calls: 1, items: 1 },
        CxDwcbxx: { calls: 1, items: 2 },
      },
    });
  });

  it('clears stats and faults on reset', async () => {
    await post(envelope(persons(fixtures.multiRepresentative)));
    expect((await setFaults({ errorRate: 1, latencyMs: 5 })).status).toBe(200);
    await fetch(`${system.url}/__admin/reset`, { method: 'POST' });
    expect(await stats()).toEqual({ total: 0, operations: {} });
    expect(await (await fetch(`${system.url}/__admin/faults`)).json()).toMatchObject({
      errorRate: 0,
      latencyMs: 0,
      down: false,
    });
    expect((await post(envelope(persons(fixtures.multiRepresentative)))).status).toBe(200);
  });

  it('refuses a fault setting it does not understand', async () => {
    expect((await setFaults({ errorRate: 2 })).status).toBe(400);
    expect((await setFaults({ flood: true })).status).toBe(400);
  });

  it('drops connections while down', async () => {
    await setFaults({ down: true });
    await expect(post(envelope(persons(fixtures.multiRepresentative)))).rejects.toThrow();
  });

  it('answers E9999 as a soap:Server fault at errorRate 1, without reaching the operation', async () => {
    await setFaults({ errorRate: 1 });
    expect(await post(envelope(persons(fixtures.multiRepresentative)))).toMatchObject({
      status: 500,
      faultcode: 'soap:Server',
      errorCode: 'E9999',
    });
    expect((await stats()).total).toBe(0);
  });

  it('answers an envelope cut short at malformedRate 1', async () => {
    await setFaults({ malformedRate: 1 });
    const answer = await post(envelope(persons(fixtures.multiRepresentative)));
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('</soap:Envelope>');
  });

  it('never answers at hangRate 1', async () => {
    await setFaults({ hangRate: 1 });
    await expect(
      post(envelope(persons(fixtures.multiRepresentative)), { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
  });

  it('answers after the injected latency', async () => {
    await setFaults({ latencyMs: 80 });
    const started = performance.now();
    expect((await post(envelope(persons(fixtures.multiRepresentative)))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('main.ts', () => {
  it('prints where it listens and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname, 'social'],
      {
        env: { ...process.env, SOCIAL_LEGACY_PORT: '0' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout });
    const line = String((await lines[Symbol.asyncIterator]().next()).value);
    lines.close();
    expect(line).toMatch(/^social insurance system .* listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = /listening on (\S+)/.exec(line)![1]!;
    expect((await fetch(`${url}${INSURANCE_PATH}?wsdl`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
