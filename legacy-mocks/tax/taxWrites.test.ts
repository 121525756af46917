import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../core/ids.js';
import type { RunningLegacyServer } from '../common/index.js';
import { loadDataSet } from '../data/index.js';
import { startTaxMock, TAX_DEV_API_KEY } from './startTaxMock.js';

// The tax system's registration writes over real HTTP, with the overlay in a temporary folder.

const dataSet = loadDataSet();
const { fixtures } = dataSet;
const dataDir = mkdtempSync(join(tmpdir(), 'tax-writes-'));
const start = () => startTaxMock({ port: 0, dataSet, dataDir, now: () => new Date('2026-12-01T18:00:00Z') });
let server: RunningLegacyServer;
let serial = 0;

beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
});

async function call(path: string, body: unknown): Promise<{ status: number; code: string; msg: string; data: any }> {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': TAX_DEV_API_KEY },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as any) };
}

async function faults(setting: Record<string, unknown>): Promise<void> {
  await fetch(`${server.url}/__admin/faults`, { method: 'POST', body: JSON.stringify(setting) });
}

async function writes(): Promise<Array<{ operation: string; key: string; at: string }>> {
  return ((await (await fetch(`${server.url}/__admin/writes`)).json()) as any).writes;
}

/** A well-formed USCC no taxpayer of the data set holds, new for each call. */
function newUscc(): string {
  serial += 1;
  const body = `91330100MA${String(serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

const register = (fields: Record<string, unknown>) => call('/api/swdj/dj', fields);
const cancel = (fields: Record<string, unknown>) => call('/api/swdj/zx', fields);
const lookup = async (nsrsbh: string) => (await call('/api/nsrxx/plcx', { nsrsbhList: [nsrsbh] })).data.nsrxxList;

describe('税务登记 POST /api/swdj/dj', () => {
  it('registers a taxpayer, then the batch lookup and the filings query answer it like any other', async () => {
    const nsrsbh = newUscc();
    const answer = await register({ qqlsh: `t-${serial}`, nsrsbh, nsrlx: '2', nsrmc: '杭州测试科技有限公司' });
    expect(answer).toMatchObject({ status: 200, code: '0000', data: { nsrsbh, swdjrq: '20261202' } });
    expect(answer.data.djxh).toMatch(/^\d{20}$/);

    expect(await lookup(nsrsbh)).toEqual([
      { nsrsbh, nsrmc: '杭州测试科技有限公司', nsrlx: '2', swdjrq: '20261202', nsxydj: 'M', qsje: '0' },
    ]);
    const filings = await fetch(`${server.url}/api/sbxx/cx?nsrsbh=${nsrsbh}&nd=2026`, {
      headers: { 'x-api-key': TAX_DEV_API_KEY },
    });
    expect(await filings.json()).toMatchObject({ code: '0000', data: { total: 0, sbxxList: [] } });
  });

  it('answers the same qqlsh with the first answer, once in the write log; another body under it is 2009', async () => {
    const nsrsbh = newUscc();
    const fields = { qqlsh: `t-${serial}`, nsrsbh, nsrlx: '1' };
    const first = await register(fields);
    const again = await register({ ...fields, nsrsbh: nsrsbh.toLowerCase() });
    expect(again).toEqual(first);
    expect((await writes()).filter((write) => write.key === fields.qqlsh)).toEqual([
      { operation: 'swdj.dj', key: fields.qqlsh, at: expect.any(String) },
    ]);
    expect((await register({ ...fields, nsrlx: '2' })).code).toBe('2009');
  });

  it('refuses on its own checks, and writes nothing', async () => {
    const before = (await writes()).length;
    const nsrsbh = newUscc();
    expect((await register({ nsrsbh, nsrlx: '1' })).code).toBe('2008');
    expect((await register({ qqlsh: 'bad key!', nsrsbh, nsrlx: '1' })).code).toBe('2008');
    expect((await register({ qqlsh: 'k1', nsrsbh: `${nsrsbh.slice(0, 17)}0`, nsrlx: '1' })).code).toMatch(/^200[12]$/);
    expect((await register({ qqlsh: 'k2', nsrsbh, nsrlx: '3' })).code).toBe('2010');
    expect((await register({ qqlsh: 'k3', nsrsbh: fixtures.companyInArrears, nsrlx: '1' })).code).toBe('3002');
    expect((await register({ qqlsh: 'k4', nsrsbh, nsrlx: '1', nsrmc: 5 })).code).toBe('2001');
    const refused = await register({ qqlsh: 'k5', nsrsbh: fixtures.companyInArrears, nsrlx: '1' });
    expect(refused.msg).not.toContain(fixtures.companyInArrears);
    expect(await writes()).toHaveLength(before);
  });

  it('refuses a second registration of the same number under a new qqlsh', async () => {
    const nsrsbh = newUscc();
    expect((await register({ qqlsh: `t-${serial}-a`, nsrsbh, nsrlx: '1' })).code).toBe('0000');
    expect((await register({ qqlsh: `t-${serial}-b`, nsrsbh, nsrlx: '1' })).code).toBe('3002');
  });

  it('refuseWrites makes every new registration 3003 (a refusal, HTTP 200), while a done one still replays', async () => {
    const done = { qqlsh: `t-${++serial}`, nsrsbh: newUscc(), nsrlx: '1' };
    const first = await register(done);
    await faults({ refuseWrites: true });
    expect(await register({ qqlsh: 'refused-1', nsrsbh: newUscc(), nsrlx: '1' })).toMatchObject({
      status: 200,
      code: '3003',
      data: null,
    });
    expect(await register(done)).toEqual(first);
  });
});

describe('注销税务登记 POST /api/swdj/zx', () => {
  it('cancels a registration still unused: the taxpayer is gone and may register again', async () => {
    const nsrsbh = newUscc();
    await register({ qqlsh: `t-${serial}`, nsrsbh, nsrlx: '1' });
    const cancelled = await cancel({ qqlsh: `t-${serial}:undo`, nsrsbh });
    expect(cancelled).toMatchObject({ code: '0000', data: { nsrsbh, zxrq: '20261202' } });
    expect(await lookup(nsrsbh)).toEqual([]);
    expect((await cancel({ qqlsh: `t-${serial}:undo`, nsrsbh })).code).toBe('0000');
    expect((await cancel({ qqlsh: `t-${serial}:undo-again`, nsrsbh })).code).toBe('3001');
    expect((await register({ qqlsh: `t-${serial}:again`, nsrsbh, nsrlx: '2' })).code).toBe('0000');
  });

  it('refuses a taxpayer with a tax history (3004) and an unknown one (3001)', async () => {
    expect((await cancel({ qqlsh: 'c-1', nsrsbh: fixtures.companyInArrears })).code).toBe('3004');
    expect((await cancel({ qqlsh: 'c-2', nsrsbh: newUscc() })).code).toBe('3001');
  });
});

describe('the overlay file and the faults on writes', () => {
  it('keeps the registrations across a restart, with their first answers', async () => {
    const nsrsbh = newUscc();
    const fields = { qqlsh: `t-${serial}`, nsrsbh, nsrlx: '2', nsrmc: '杭州重启测试有限公司' };
    const first = await register(fields);
    const log = await writes();

    await server.close();
    server = await start();

    expect(await writes()).toEqual(log);
    expect(await lookup(nsrsbh)).toHaveLength(1);
    expect(await register(fields)).toEqual(first);
  });

  it('failAfterWriteRate: registered and logged, the answer lost; the retry gets the first answer', async () => {
    const fields = { qqlsh: `t-${++serial}`, nsrsbh: newUscc(), nsrlx: '1' };
    await faults({ failAfterWriteRate: 1 });
    await expect(register(fields)).rejects.toThrow();
    expect((await writes()).filter((write) => write.key === fields.qqlsh)).toHaveLength(1);
    expect(await lookup(fields.nsrsbh)).toHaveLength(1);
    expect(await register(fields)).toMatchObject({ code: '0000', data: { nsrsbh: fields.nsrsbh } });
  });

  it('slow and down apply to writes too', async () => {
    await faults({ latencyMs: 150 });
    const started = performance.now();
    expect((await register({ qqlsh: `t-${++serial}`, nsrsbh: newUscc(), nsrlx: '1' })).code).toBe('0000');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await faults({ latencyMs: 0, down: true });
    const key = `t-${++serial}`;
    await expect(register({ qqlsh: key, nsrsbh: newUscc(), nsrlx: '1' })).rejects.toThrow();
    await faults({ down: false });
    expect((await writes()).some((write) => write.key === key)).toBe(false);
  });
});

describe('the stand-in as a process (legacy-mocks/main.ts)', () => {
  /** Starts `npm run mock -- tax` on a free port with LEGACY_DATA_DIR set; resolves with its address. */
  async function startProcess(legacyDataDir: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('../main.ts', import.meta.url).pathname, 'tax'], {
      env: { ...process.env, TAX_LEGACY_PORT: '0', LEGACY_DATA_DIR: legacyDataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    const line = String((await lines[Symbol.asyncIterator]().next()).value);
    lines.close();
    const url = /listening on (\S+)/.exec(line)?.[1];
    if (!url) throw new Error(`no listening line: ${line}`);
    return { child, url };
  }

  it('keeps an answered write in LEGACY_DATA_DIR through a SIGKILL', async () => {
    const legacyDataDir = join(dataDir, 'process');
    const first = await startProcess(legacyDataDir);
    const nsrsbh = newUscc();
    const body = JSON.stringify({ qqlsh: `p-${serial}`, nsrsbh, nsrlx: '2' });
    const post = (url: string) =>
      fetch(`${url}/api/swdj/dj`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': TAX_DEV_API_KEY },
        body,
      }).then((response) => response.json() as Promise<any>);
    const answered = await post(first.url);
    expect(answered.code).toBe('0000');
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;
    expect(existsSync(join(legacyDataDir, `tax-${dataSet.seed}.jsonl`))).toBe(true);

    const second = await startProcess(legacyDataDir);
    try {
      expect(await post(second.url)).toEqual(answered);
      const log = (await (await fetch(`${second.url}/__admin/writes`)).json()) as any;
      expect(log.writes).toEqual([{ operation: 'swdj.dj', key: `p-${serial}`, at: expect.any(String) }]);
    } finally {
      const stopped = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await stopped;
    }
  });
});
