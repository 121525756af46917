import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessLogLocation, openAccessLogStore } from './openAccessLogStore.js';

describe('accessLogLocation', () => {
  it('chooses PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(accessLogLocation('postgres://u@db:5432/audit')).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/audit',
    });
    expect(accessLogLocation('postgresql://db/audit')).toEqual({ kind: 'postgres', url: 'postgresql://db/audit' });
  });

  it('chooses SQLite for sqlite: URLs and plain paths', () => {
    expect(accessLogLocation('sqlite:/var/lib/audit/log.db')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/audit/log.db',
    });
    expect(accessLogLocation('sqlite:///var/lib/audit/log.db')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/audit/log.db',
    });
    expect(accessLogLocation('audit/log.db')).toEqual({ kind: 'sqlite', file: resolve('audit/log.db') });
  });

  it('refuses other schemes rather than treat them as file names', () => {
    expect(() => accessLogLocation('mysql://db/audit')).toThrow(/postgres:\/\/.*sqlite:/);
  });
});

describe('openAccessLogStore defaults', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, AUDIT_DATABASE_URL: process.env.AUDIT_DATABASE_URL };
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'data-'));
    process.env.DATA_DIR = dataDir;
    delete process.env.AUDIT_DATABASE_URL;
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens ${DATA_DIR}/audit/access-log.db when AUDIT_DATABASE_URL is not set, creating the folder', async () => {
    expect(accessLogLocation()).toEqual({ kind: 'sqlite', file: join(dataDir, 'audit', 'access-log.db') });
    const store = await openAccessLogStore();
    await store.close();
    expect(existsSync(join(dataDir, 'audit', 'access-log.db'))).toBe(true);
  });

  it('follows the URL it is given (AUDIT_DATABASE_URL, as the settings read it)', async () => {
    await (await openAccessLogStore({ url: `sqlite:${join(dataDir, 'elsewhere.db')}` })).close();
    expect(existsSync(join(dataDir, 'elsewhere.db'))).toBe(true);
  });
});
