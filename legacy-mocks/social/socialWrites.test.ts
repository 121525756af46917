import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../core/ids.js';
import type { RunningLegacyServer } from '../common/index.js';
import { loadDataSet } from '../data/index.js';
import { INSURANCE_PATH, startSocialMock } from './index.js';

// The bureau's writes in raw SOAP with WS-Security over fetch, with the overlay in a temporary folder.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
const NS = 'http://shbx.example/insurance/v1';
const dataDir = mkdtempSync(join(tmpdir(), 'social-writes-'));
const credentials = { username: 'portal-gateway', password: 'test-secret' };
const start = () =>
  startSocialMock({ port: 0, dataSet, dataDir, credentials, now: () => new Date('2026-12-01T02:00:00Z') });
let system: RunningLegacyServer;
let serial = 0;

beforeAll(async () => {
  system = await start();
});
afterEach(async () => {
  await fetch(`${system.url}/__admin/reset`, { method: 'POST' });
});
afterAll(async () => {
  await system?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const TOKEN =
  '<soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">' +
  '<wsse:UsernameToken><wsse:Username>portal-gateway</wsse:Username><wsse:Password>test-secret</wsse:Password></wsse:UsernameToken>' +
  '</wsse:Security></soap:Header>';

async function call(operation: string, fields: Record<string, string>, header = TOKEN) {
  const children = Object.entries(fields)
    .map(([name, value]) => `<t:${name}>${value}</t:${name}>`)
    .join('');
  const response = await fetch(system.url + INSURANCE_PATH, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="${NS}">${header}<soap:Body><t:${operation}Request>${children}</t:${operation}Request></soap:Body></soap:Envelope>`,
  });
  const text = await response.text();
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1] ?? null;
  return { status: response.status, text, field, errorCode: field('errorCode') };
}

async function writes(): Promise<Array<{ operation: string; key: string; at: string }>> {
  return ((await (await fetch(`${system.url}/__admin/writes`)).json()) as any).writes;
}

async function faults(setting: Record<string, unknown>): Promise<void> {
  await fetch(`${system.url}/__admin/faults`, { method: 'POST', body: JSON.stringify(setting) });
}

/** A company of the data set without an employer account, then well-formed USCCs the data set does not hold. */
function companyWithoutAccount(): string {
  serial += 1;
  const body = `91330100MA${String(serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

const [insured, alsoInsured] = dataSet.residents.filter((resident) => resident.insurance?.status === 'ACTIVE');
const withoutInsurance = fixtures.personWithoutSocialInsurance;

describe('OpenEmployerAccount', () => {
  it('opens an account that CxDwcbxx then answers, with nothing paid and nothing owed', async () => {
    const tyshxydm = companyWithoutAccount();
    const opened = await call('OpenEmployerAccount', { ywlsh: `s-${serial}`, tyshxydm, scjfq: '202612' });
    expect(opened.status).toBe(200);
    const dwbh = opened.field('dwbh')!;
    expect(dwbh).toMatch(/^33010\d{8}$/);
    expect([opened.field('scjfq'), opened.field('khrq')]).toEqual(['202612', '20261201']);

    const account = await call('CxDwcbxx', { tyshxydm });
    expect([account.field('dwbh'), account.field('cbrs'), account.field('qjje'), account.field('zhjfq')]).toEqual([
      dwbh,
      '0',
      '0.00',
      '202611',
    ]);
  });

  it('is idempotent by ywlsh, and refuses a second account, a company on file and bad input', async () => {
    const tyshxydm = companyWithoutAccount();
    const fields = { ywlsh: `s-${serial}`, tyshxydm, scjfq: '202701' };
    const first = await call('OpenEmployerAccount', fields);
    expect((await call('OpenEmployerAccount', fields)).field('dwbh')).toBe(first.field('dwbh'));
    expect((await call('OpenEmployerAccount', { ...fields, scjfq: '202702' })).errorCode).toBe('E2004');
    expect((await call('OpenEmployerAccount', { ...fields, ywlsh: `s-${serial}-b` })).errorCode).toBe('E5001');

    const onFile = dataSet.companies.find((company) => company.employerAccount)!.uscc;
    const before = (await writes()).length;
    expect((await call('OpenEmployerAccount', { ywlsh: 'o-1', tyshxydm: onFile, scjfq: '202612' })).errorCode).toBe(
      'E5001',
    );
    const fresh = companyWithoutAccount();
    expect((await call('OpenEmployerAccount', { tyshxydm: fresh, scjfq: '202612' })).errorCode).toBe('E2003');
    expect((await call('OpenEmployerAccount', { ywlsh: 'o-2', tyshxydm: 'X', scjfq: '202612' })).errorCode).toBe(
      'E3002',
    );
    expect((await call('OpenEmployerAccount', { ywlsh: 'o-3', tyshxydm: fresh, scjfq: '202613' })).errorCode).toBe(
      'E3003',
    );
    expect((await call('OpenEmployerAccount', { ywlsh: 'o-4', tyshxydm: fresh, scjfq: '202401' })).errorCode).toBe(
      'E5002',
    );
    expect((await call('OpenEmployerAccount', { ywlsh: 'o-5', tyshxydm: fresh, scjfq: '202612' }, '')).errorCode).toBe(
      'E1001',
    );
    expect(await writes()).toHaveLength(before);
  });
});

describe('SubmitBenefitClaim, GetClaim, DecideClaim', () => {
  it('takes a claim, answers it by number, and records the officer’s decision', async () => {
    const claim = { ywlsh: `c-${++serial}`, sfzhm: insured!.id, dylx: '01', yhzh: '6222021202012345678' };
    const submitted = await call('SubmitBenefitClaim', claim);
    expect(submitted.status).toBe(200);
    const sqbh = submitted.field('sqbh')!;
    expect(sqbh).toMatch(/^SB20261201\d{6}$/);
    expect(submitted.field('sqzt')).toBe('0');

    const pending = await call('GetClaim', { sqbh });
    expect([pending.field('sfzhm'), pending.field('dylx'), pending.field('sqzt')]).toEqual([insured!.id, '01', '0']);
    expect((await call('SubmitBenefitClaim', { ...claim, ywlsh: `c-${serial}-again` })).errorCode).toBe('E5006');

    const decision = { ywlsh: `c-${serial}:decide`, sqbh, spjg: '2', spr: 'S0042', spyj: '未办理失业登记' };
    const decided = await call('DecideClaim', decision);
    expect([decided.field('sqzt'), decided.field('sprq')]).toEqual(['2', '20261201']);
    const after = await call('GetClaim', { sqbh });
    expect([after.field('sqzt'), after.field('spr'), after.field('spyj')]).toEqual(['2', 'S0042', '未办理失业登记']);
    expect((await call('DecideClaim', decision)).field('sqzt')).toBe('2');
    expect((await call('DecideClaim', { ...decision, ywlsh: 'd-other', spjg: '1' })).errorCode).toBe('E5005');
    // Decided, the same kind can be claimed again.
    expect((await call('SubmitBenefitClaim', { ...claim, ywlsh: `c-${serial}-later` })).status).toBe(200);
  });

  it('refuses claims the bureau cannot take, and writes nothing', async () => {
    const before = (await writes()).length;
    const claim = { ywlsh: 'r-1', sfzhm: insured!.id, dylx: '02', yhzh: '6222021202012345678' };
    expect((await call('SubmitBenefitClaim', { ...claim, sfzhm: withoutInsurance })).errorCode).toBe('E5003');
    expect((await call('SubmitBenefitClaim', { ...claim, sfzhm: '110101199001011238' })).errorCode).toMatch(
      /^E(3001|4001)$/,
    );
    expect((await call('SubmitBenefitClaim', { ...claim, dylx: '09' })).errorCode).toBe('E3008');
    expect((await call('SubmitBenefitClaim', { ...claim, yhzh: '12ab' })).errorCode).toBe('E3007');
    const noAccount = await call('SubmitBenefitClaim', { ...claim, sfzhm: withoutInsurance });
    expect(noAccount.text).not.toContain(withoutInsurance);
    expect((await call('GetClaim', { sqbh: 'SB20261201999999' })).errorCode).toBe('E4002');
    expect((await call('GetClaim', { sqbh: 'nonsense' })).errorCode).toBe('E3009');
    expect(
      (await call('DecideClaim', { ywlsh: 'r-2', sqbh: 'SB20261201999999', spjg: '1', spr: 'S1' })).errorCode,
    ).toBe('E4002');
    expect(
      (await call('DecideClaim', { ywlsh: 'r-3', sqbh: 'SB20261201999999', spjg: '2', spr: 'S1' })).errorCode,
    ).toBe('E3010');
    expect(await writes()).toHaveLength(before);
  });
});

describe('the overlay file and the faults on writes', () => {
  it('keeps accounts and claims across a restart, with their first answers', async () => {
    const tyshxydm = companyWithoutAccount();
    const open = { ywlsh: `s-${serial}`, tyshxydm, scjfq: '202612' };
    const dwbh = (await call('OpenEmployerAccount', open)).field('dwbh');
    const claim = { ywlsh: `c-${++serial}`, sfzhm: insured!.id, dylx: '02', yhzh: '6222021202012345678' };
    const sqbh = (await call('SubmitBenefitClaim', claim)).field('sqbh')!;
    const log = await writes();

    await system.close();
    system = await start();

    expect(await writes()).toEqual(log);
    expect((await call('CxDwcbxx', { tyshxydm })).field('dwbh')).toBe(dwbh);
    expect((await call('GetClaim', { sqbh })).field('sqzt')).toBe('0');
    expect((await call('SubmitBenefitClaim', claim)).field('sqbh')).toBe(sqbh);
    expect((await call('OpenEmployerAccount', open)).field('dwbh')).toBe(dwbh);
  });

  it('failAfterWriteRate: the claim is taken and logged, the answer lost; the retry gets the same claim number', async () => {
    const claim = { ywlsh: `c-${++serial}`, sfzhm: alsoInsured!.id, dylx: '02', yhzh: '6222021202012345678' };
    await faults({ failAfterWriteRate: 1 });
    await expect(call('SubmitBenefitClaim', claim)).rejects.toThrow();
    expect((await writes()).filter((write) => write.key === claim.ywlsh)).toHaveLength(1);
    const retry = await call('SubmitBenefitClaim', claim);
    expect(retry.status).toBe(200);
    expect((await call('GetClaim', { sqbh: retry.field('sqbh')! })).field('sfzhm')).toBe(alsoInsured!.id);
  });

  it('refuseWrites: every new write is E5004, a replay is still answered', async () => {
    const tyshxydm = companyWithoutAccount();
    const open = { ywlsh: `s-${serial}`, tyshxydm, scjfq: '202612' };
    const first = await call('OpenEmployerAccount', open);
    await faults({ refuseWrites: true });
    expect(
      (await call('OpenEmployerAccount', { ...open, ywlsh: 'new', tyshxydm: companyWithoutAccount() })).errorCode,
    ).toBe('E5004');
    expect((await call('OpenEmployerAccount', open)).field('dwbh')).toBe(first.field('dwbh'));
  });
});
