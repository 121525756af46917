import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../core/ids.js';
import type { RunningLegacyServer } from '../common/index.js';
import { loadDataSet } from '../data/index.js';
import { REGISTRY_NAMESPACE, startMarketMock } from './index.js';

// The registry's registration writes seen from the wire: hand-written envelopes over fetch, a
// temporary data directory for the overlay file, and restarts from that same file.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
const dataDir = mkdtempSync(join(tmpdir(), 'market-writes-'));
const FIXED_NOW = new Date('2026-12-01T02:00:00Z');
let server: RunningLegacyServer;
let serial = 0;

const start = () => startMarketMock({ port: 0, dataSet, dataDir, now: () => FIXED_NOW });

beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

function request(operation: string, fields: Record<string, string>): string {
  const children = Object.entries(fields)
    .map(([name, value]) => `<q:${name}>${value}</q:${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="${REGISTRY_NAMESPACE}"><soap:Body><q:${operation}Request>${children}</q:${operation}Request></soap:Body></soap:Envelope>`;
}

async function call(operation: string, fields: Record<string, string>) {
  const response = await fetch(`${server.url}/registry`, {
    method: 'POST',
    body: request(operation, fields),
    headers: { 'content-type': 'text/xml; charset=utf-8' },
  });
  const text = await response.text();
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1] ?? null;
  return { status: response.status, text, field, errorCode: field('errorCode') };
}

function application(overrides: Record<string, string> = {}): Record<string, string> {
  serial += 1;
  return {
    qqlsh: `app-${serial}:market.register`,
    qymc: `杭州测试${serial}号科技有限公司`,
    qylx: '有限责任公司(自然人投资或控股)',
    zczb: '100.50',
    fddbrzjhm: fixtures.personWithoutSocialInsurance,
    zs: '杭州市西湖区文三路1号',
    jyfw: '技术开发、技术服务',
    ...overrides,
  };
}

async function writes(): Promise<Array<{ operation: string; key: string; at: string }>> {
  return ((await (await fetch(`${server.url}/__admin/writes`)).json()) as { writes: any[] }).writes;
}

describe('RegisterEnterprise', () => {
  it('issues a valid new USCC, pending, served by queryQyjbxx but not yet by search or by representative', async () => {
    const form = application();
    const answer = await call('RegisterEnterprise', form);
    expect(answer.status).toBe(200);
    const uscc = answer.field('tyshxydm')!;
    expect(isValidUscc(uscc)).toBe(true);
    expect(uscc).toMatch(/^91330100MA/);
    expect(dataSet.companyByUscc.has(uscc)).toBe(false);
    expect(answer.field('djzt')).toBe('0');
    expect(answer.field('slrq')).toBe('20261201');

    const lookup = await call('queryQyjbxx', { tyshxydm: uscc });
    expect(lookup.field('jls')).toBe('1');
    expect(lookup.field('qymc')).toBe(form.qymc);
    expect(lookup.field('djzt')).toBe('0');
    expect(lookup.field('zczb')).toBe('100.5');
    expect(lookup.field('fddbr')).toBe(dataSet.residentById.get(form.fddbrzjhm!)!.name);

    const search = await call('searchQyjbxx', { qymc: form.qymc!, ym: '1', mys: '5' });
    expect(search.field('zjls')).toBe('0');
    const byRepresentative = await call('queryQyjbxxByFddbr', { fddbrzjhm: form.fddbrzjhm! });
    expect(byRepresentative.text).not.toContain(uscc);
  });

  it('answers the same qqlsh with the first answer and writes once; another request under it is E1009', async () => {
    const form = application();
    const first = await call('RegisterEnterprise', form);
    const again = await call('RegisterEnterprise', form);
    expect(again.field('tyshxydm')).toBe(first.field('tyshxydm'));
    expect((await writes()).filter((write) => write.key === form.qqlsh)).toHaveLength(1);

    const other = await call('RegisterEnterprise', { ...form, zs: '杭州市滨江区江南大道2号' });
    expect(other.errorCode).toBe('E1009');
    expect(other.status).toBe(500);
  });

  it('refuses bad applications with the registry fault codes and writes nothing', async () => {
    const before = (await writes()).length;
    const taken = dataSet.companies[0]!.name;
    const cases: Array<[Record<string, string>, string]> = [
      [application({ qqlsh: '' }), 'E1008'],
      [application({ qqlsh: 'has spaces in it' }), 'E1008'],
      [application({ qymc: '' }), 'E2001'],
      [application({ zs: 'x'.repeat(201) }), 'E2001'],
      [application({ qymc: taken }), 'E2002'],
      [application({ qylx: '外星公司' }), 'E2003'],
      [application({ zczb: '-5' }), 'E2004'],
      [application({ zczb: '0' }), 'E2004'],
      [application({ zczb: '1.1234567' }), 'E2004'],
      [application({ fddbrzjhm: '330106198204194642' }), 'E1002'],
      [application({ fddbrzjhm: '110101199001011237' }), 'E2005'],
    ];
    for (const [form, code] of cases) {
      const answer = await call('RegisterEnterprise', form);
      expect(answer.errorCode, JSON.stringify(form)).toBe(code);
      expect(answer.text).not.toContain(form.fddbrzjhm!);
    }
    expect(await writes()).toHaveLength(before);
  });

  it('refuses a name already held by a pending registration', async () => {
    const form = application();
    expect((await call('RegisterEnterprise', form)).status).toBe(200);
    expect((await call('RegisterEnterprise', { ...form, qqlsh: `${form.qqlsh}-2` })).errorCode).toBe('E2002');
  });
});

describe('ApproveRegistration, RejectRegistration, WithdrawRegistration', () => {
  it('approves a pending registration: active (djzt 1), established today, found by search and by representative', async () => {
    const form = application();
    const uscc = (await call('RegisterEnterprise', form)).field('tyshxydm')!;
    const approved = await call('ApproveRegistration', {
      qqlsh: `${form.qqlsh}:approve`,
      tyshxydm: uscc,
      hzr: 'M0001',
    });
    expect(approved.status).toBe(200);
    expect([approved.field('djzt'), approved.field('clrq')]).toEqual(['1', '20261201']);

    expect((await call('queryQyjbxx', { tyshxydm: uscc })).field('djzt')).toBe('1');
    const search = await call('searchQyjbxx', { qymc: form.qymc!, ym: '1', mys: '5' });
    expect(search.field('zjls')).toBe('1');
    expect(search.field('tyshxydm')).toBe(uscc);
    expect((await call('queryQyjbxxByFddbr', { fddbrzjhm: form.fddbrzjhm! })).text).toContain(uscc);

    const replay = await call('ApproveRegistration', { qqlsh: `${form.qqlsh}:approve`, tyshxydm: uscc, hzr: 'M0001' });
    expect(replay.field('djzt')).toBe('1');
    // Not pending any more: withdrawing or approving again under a new key is refused.
    expect((await call('WithdrawRegistration', { qqlsh: `${form.qqlsh}:withdraw`, tyshxydm: uscc })).errorCode).toBe(
      'E2007',
    );
  });

  it('withdraws a pending registration: absent from every query, its name free again', async () => {
    const form = application();
    const uscc = (await call('RegisterEnterprise', form)).field('tyshxydm')!;
    const withdrawn = await call('WithdrawRegistration', { qqlsh: `${form.qqlsh}:withdraw`, tyshxydm: uscc });
    expect(withdrawn.field('djzt')).toBe('9');
    expect((await call('queryQyjbxx', { tyshxydm: uscc })).field('jls')).toBe('0');
    expect(
      (await call('ApproveRegistration', { qqlsh: `${form.qqlsh}:approve`, tyshxydm: uscc, hzr: 'M0001' })).errorCode,
    ).toBe('E2007');
    expect((await call('RegisterEnterprise', { ...form, qqlsh: `${form.qqlsh}:again` })).status).toBe(200);
  });

  it('rejects a pending registration with a reason', async () => {
    const form = application();
    const uscc = (await call('RegisterEnterprise', form)).field('tyshxydm')!;
    const rejected = await call('RejectRegistration', {
      qqlsh: `${form.qqlsh}:reject`,
      tyshxydm: uscc,
      hzr: 'M0001',
      bhyy: '经营范围含前置许可项目',
    });
    expect(rejected.field('djzt')).toBe('8');
    expect((await call('queryQyjbxx', { tyshxydm: uscc })).field('jls')).toBe('0');
    const noReason = await call('RejectRegistration', { qqlsh: 'x:1', tyshxydm: uscc, hzr: 'M0001' });
    expect(noReason.errorCode).toBe('E2001');
  });

  it('refuses a data-set enterprise (E2006) and a malformed code (E1001)', async () => {
    const onFile = await call('WithdrawRegistration', { qqlsh: 'w:1', tyshxydm: fixtures.companyInArrears });
    expect(onFile.errorCode).toBe('E2006');
    const malformed = await call('ApproveRegistration', { qqlsh: 'a:1', tyshxydm: '91330100MA0000000X', hzr: 'M1' });
    expect(malformed.errorCode).toBe('E1001');
  });
});

describe('the overlay file and the faults on writes', () => {
  it('keeps every write across a restart: the company, its status, the write log and the first answers', async () => {
    const form = application();
    const uscc = (await call('RegisterEnterprise', form)).field('tyshxydm')!;
    await call('ApproveRegistration', { qqlsh: `${form.qqlsh}:approve`, tyshxydm: uscc, hzr: 'M0001' });
    const logBefore = await writes();

    await server.close();
    server = await start();

    expect(await writes()).toEqual(logBefore);
    expect((await call('queryQyjbxx', { tyshxydm: uscc })).field('djzt')).toBe('1');
    expect((await call('RegisterEnterprise', form)).field('tyshxydm')).toBe(uscc);
    const file = readFileSync(join(dataDir, `market-${dataSet.seed}.jsonl`), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(logBefore.length);
  });

  it('failAfterWriteRate: the write takes effect, the connection drops, the retry gets the first answer', async () => {
    const form = application();
    await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ failAfterWriteRate: 1 }) });
    await expect(call('RegisterEnterprise', form)).rejects.toThrow();
    const logged = (await writes()).filter((write) => write.key === form.qqlsh);
    expect(logged).toMatchObject([{ operation: 'RegisterEnterprise', key: form.qqlsh }]);

    // The fault stays on: a retry is a replay, not a write, and is answered.
    const retry = await call('RegisterEnterprise', form);
    expect(retry.status).toBe(200);
    expect((await call('queryQyjbxx', { tyshxydm: retry.field('tyshxydm')! })).field('qymc')).toBe(form.qymc);
    expect((await writes()).filter((write) => write.key === form.qqlsh)).toHaveLength(1);
  });

  it('refuseWrites: a new write is E2008 and nothing is written; a done one still replays', async () => {
    const done = application();
    const first = await call('RegisterEnterprise', done);
    await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ refuseWrites: true }) });
    const refused = application();
    expect(await call('RegisterEnterprise', refused)).toMatchObject({ status: 500, errorCode: 'E2008' });
    expect((await writes()).some((write) => write.key === refused.qqlsh)).toBe(false);
    expect((await call('RegisterEnterprise', done)).field('tyshxydm')).toBe(first.field('tyshxydm'));
  });

  it('down drops a write before it is made', async () => {
    const form = application();
    await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ down: true }) });
    await expect(call('RegisterEnterprise', form)).rejects.toThrow();
    await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ down: false }) });
    expect((await writes()).some((write) => write.key === form.qqlsh)).toBe(false);
  });
});
