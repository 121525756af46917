import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccessLogStore } from './openAccessLogStore.js';
import { sqliteBackend } from './testing/accessLogBackends.js';
import { describeAccessLogStore } from './testing/describeAccessLogStore.js';
import { formatOneLogSql } from './testing/formatOneLog.js';
import { sampleRequest, SUBJECTS } from './testing/sampleEntries.js';
import { verifyAccessLog } from './verifyAccessLog.js';

describeAccessLogStore(sqliteBackend);

describe('access log on SQLite, file specifics', () => {
  const folders: string[] = [];
  const tempFile = () => {
    const folder = mkdtempSync(join(tmpdir(), 'access-log-'));
    folders.push(folder);
    return join(folder, 'nested', 'access-log.db');
  };
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('creates its folder and a WAL-mode file', async () => {
    const file = tempFile();
    const store = await openAccessLogStore({ url: `sqlite:${file}` });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('waits for another writer, then rejects the append once the busy timeout passes', async () => {
    const file = tempFile();
    const store = await openAccessLogStore({ url: `sqlite:${file}`, busyTimeoutMs: 200 });
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    await expect(store.append(sampleRequest('r1'))).rejects.toThrow(/locked|busy/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    other.exec('ROLLBACK');
    other.close();
    await store.append(sampleRequest('r1'));
    expect(await store.readChains()).toEqual([expect.objectContaining({ chain: store.chain, seq: 1 })]);
    await store.close();
  });

  it('reads and verifies a log that has only format 1, opened read-only as the audit tools open it', async () => {
    const file = tempFile();
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    const at = '2026-01-01T00:00:00.000Z';
    const old = {
      at,
      requestId: 'old-1',
      department: 'social',
      caller: { kind: 'person' as const, sub: SUBJECTS.citizen.id, roles: [], azp: null },
      purpose: null,
      fields: [{ field: 'Person.name', decision: 'allowed' as const }],
    };
    db.exec(
      formatOneLogSql([
        { ...old, subject: SUBJECTS.citizen },
        { ...old, requestId: 'old-2', subject: SUBJECTS.employee },
      ]),
    );
    db.close();
    const store = await openAccessLogStore({ url: `sqlite:${file}`, create: false });
    try {
      expect(await verifyAccessLog(store)).toEqual({ ok: true, records: 2, chains: 1, checkpoints: 0 });
      expect(
        (await store.readBySubject(SUBJECTS.citizen, { first: 5 })).records.map((record) => [
          record.chain,
          record.requestId,
        ]),
      ).toEqual([['v1', 'old-1']]);
    } finally {
      await store.close();
    }
  });

  it('refuses to conjure an empty log when told not to create one', async () => {
    await expect(openAccessLogStore({ url: `sqlite:${tempFile()}`, create: false })).rejects.toThrow();
  });
});
