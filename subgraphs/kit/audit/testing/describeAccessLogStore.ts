import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRecord } from '../AccessEntry.js';
import type { AccessLogStore } from '../AccessLogStore.js';
import { ACCESS_LOG_COLUMNS, toAccessLogRow } from '../accessLogRow.js';
import { chainAccessEntries } from '../chainAccessEntries.js';
import { GENESIS_HASH, hashAccessRecord } from '../hashAccessRecord.js';
import { verifyAccessLog } from '../verifyAccessLog.js';
import type { AccessLogBackend, TempAccessLog } from './accessLogBackends.js';
import { sampleEntries, sampleEntry, SUBJECTS } from './sampleEntries.js';

const APPEND_FROM_PROCESS = fileURLToPath(new URL('./appendFromProcess.ts', import.meta.url));

/** Starts one appendFromProcess per writer, releases them together once all are ready, and waits for all. */
async function appendFromProcesses(url: string, writers: readonly string[], requests: number): Promise<void> {
  const children = writers.map((writer) =>
    spawn(process.execPath, ['--import', 'tsx', APPEND_FROM_PROCESS, url, writer, String(requests)], { stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  const exits = children.map(async (child) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`a writer process failed (exit ${code}): ${stderr}`);
  });
  const ready = children.map((child) => once(child.stdout, 'data'));
  await Promise.race([Promise.all(ready), Promise.all(exits)]);
  for (const child of children) child.stdin.write('go\n');
  await Promise.all(exits);
}

async function readAll(store: AccessLogStore): Promise<AccessRecord[]> {
  const records: AccessRecord[] = [];
  for await (const record of store.readAll()) records.push(record);
  return records;
}

/** Appends `requests` three-subject requests (request ids r1, r2, ...): 3 × requests records. */
async function appendRequests(store: AccessLogStore, requests: number): Promise<void> {
  for (let i = 1; i <= requests; i++) await store.append(sampleEntries(`r${i}`));
}

function sqlLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The one behaviour suite every access log back end must pass (DESIGN.md, "Access log": same
 * schema, same tests). Each test gets a fresh log; tampering is done with direct SQL, as
 * someone with access to the database but not to the store would.
 */
export function describeAccessLogStore(backend: AccessLogBackend): void {
  const title = backend.skipReason ? `access log on ${backend.name} (skipped: ${backend.skipReason})` : `access log on ${backend.name}`;
  if (backend.skipReason) console.warn(`Skipping the ${backend.name} access log tests: ${backend.skipReason}`);

  describe.skipIf(backend.skipReason !== null)(title, () => {
    let log: TempAccessLog;
    let store: AccessLogStore;

    beforeEach(async () => {
      log = await backend.create();
      store = await log.open();
    });
    afterEach(() => log.dispose());

    describe('reading by subject', () => {
      it("returns a subject's records newest first, and no one else's", async () => {
        await appendRequests(store, 3);
        const { records, hasNextPage } = await store.readBySubject(SUBJECTS.employee, { first: 10 });
        expect(records.map((record) => record.requestId)).toEqual(['r3', 'r2', 'r1']);
        expect(records.every((record) => record.subject.id === SUBJECTS.employee.id)).toBe(true);
        expect(hasNextPage).toBe(false);
        expect((await store.readBySubject({ kind: 'company', id: SUBJECTS.citizen.id }, { first: 10 })).records).toEqual([]);
      });

      it('pages with cursors until the last page', async () => {
        await appendRequests(store, 5);
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const page = await store.readBySubject(SUBJECTS.companyInArrears, { first: 2, after });
          seen.push(...page.records.map((record) => record.requestId));
          pages += 1;
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        expect(seen).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
        expect(pages).toBe(3);
        expect(await store.readBySubject(SUBJECTS.citizen, { first: 5, after: 'c2VxOjE' })).toEqual({ records: [], endCursor: null, hasNextPage: false });
      });

      it('finds a subject whatever the case of the ID (a lower-case x check digit is common)', async () => {
        await store.append([sampleEntry('r1', { kind: 'person', id: '11010519491231002x' })]);
        const { records } = await store.readBySubject({ kind: 'person', id: '11010519491231002X' }, { first: 1 });
        expect(records.map((record) => record.subject.id)).toEqual(['11010519491231002X']);
      });

      it('filters by time, from inclusive and to exclusive, given in any zone', async () => {
        for (const [requestId, at] of [
          ['january', '2026-01-15T10:00:00.000Z'],
          ['february', '2026-02-01T00:00:00.000Z'],
          ['march', '2026-03-10T08:30:00.000Z'],
        ] as const) {
          await store.append([sampleEntry(requestId, SUBJECTS.citizen, at)]);
        }
        const read = async (from: string | null, to: string | null) =>
          (await store.readBySubject(SUBJECTS.citizen, { first: 10, from, to })).records.map((record) => record.requestId);
        expect(await read('2026-02-01T00:00:00Z', null)).toEqual(['march', 'february']);
        expect(await read(null, '2026-02-01T08:00:00+08:00')).toEqual(['january']);
        expect(await read('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual(['february', 'january']);
      });

      it('refuses a page size outside 1..100, a foreign cursor and a timestamp without a zone', async () => {
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 0 })).rejects.toThrow(/first must be/);
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 101 })).rejects.toThrow(/first must be/);
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 1, after: 'bm9wZQ' })).rejects.toThrow(/not a cursor/);
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 1, from: '2026-01-01' })).rejects.toThrow(/ISO timestamp/);
      });
    });

    describe('appending', () => {
      it('chains every record to the one before, from the genesis hash, and moves the head', async () => {
        await appendRequests(store, 3);
        const records = await readAll(store);
        expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(records[0]!.previousHash).toBe(GENESIS_HASH);
        records.forEach((record, i) => {
          expect(record.hash).toBe(hashAccessRecord(record));
          if (i > 0) expect(record.previousHash).toBe(records[i - 1]!.hash);
        });
        expect(await store.readHead()).toEqual({ seq: 9, hash: records[8]!.hash });
      });

      it('keeps only the record model: a value handed over by mistake is not written', async () => {
        const entry = sampleEntry('r1', SUBJECTS.citizen);
        const leaky = { ...entry, value: '13800138000', fields: [{ field: 'Person.phone', decision: 'allowed', value: '13800138000' }] };
        await store.append([leaky as never]);
        const [record] = await readAll(store);
        expect(JSON.stringify(record)).not.toContain('13800138000');
        expect(record!.fields).toEqual([{ field: 'Person.phone', decision: 'allowed' }]);
      });

      it('rejects a request with a malformed entry and writes none of it', async () => {
        const bad = { ...sampleEntry('r1', SUBJECTS.employee), fields: [{ field: 'phone', decision: 'shown' }] };
        await expect(store.append([sampleEntry('r1', SUBJECTS.citizen), bad as never])).rejects.toThrow(/Type\.field/);
        expect(await readAll(store)).toEqual([]);
        expect(await store.readHead()).toEqual({ seq: 0, hash: GENESIS_HASH });
      });

      it('rejects an append when the records table is gone, so the caller withholds the data', async () => {
        await appendRequests(store, 1);
        await log.execute('DROP TABLE access_log');
        await expect(store.append(sampleEntries('r2'))).rejects.toThrow(/access_log/);
      });

      it('rejects an append when the head row is gone, rather than start a second chain', async () => {
        await appendRequests(store, 1);
        await log.execute('DELETE FROM access_log_head');
        await expect(store.append(sampleEntries('r2'))).rejects.toThrow(/no head row/);
        expect((await readAll(store)).length).toBe(3);
      });

      it('keeps one unbroken chain when several processes append at once to a new log', async () => {
        const fresh = await backend.create();
        try {
          const writers = ['a', 'b', 'c', 'd'];
          const requests = 25;
          await appendFromProcesses(fresh.url, writers, requests);
          const shared = await fresh.open();
          expect(await verifyAccessLog(shared)).toEqual({ ok: true, records: writers.length * requests * 3 });
          const records = await readAll(shared);
          const perRequest = new Map<string, number>();
          for (const record of records) perRequest.set(record.requestId, (perRequest.get(record.requestId) ?? 0) + 1);
          expect(perRequest.size).toBe(writers.length * requests);
          expect([...perRequest.values()].every((count) => count === 3)).toBe(true);
          // The writers really overlapped (else this test proves nothing): the chain switches writer often.
          const switches = records.filter((record, i) => i > 0 && record.requestId[0] !== records[i - 1]!.requestId[0]).length;
          expect(switches).toBeGreaterThan(writers.length);
        } finally {
          await fresh.dispose();
        }
      });

      it('keeps one unbroken chain when several stores in one process append at once', async () => {
        const stores = [store, await log.open(), await log.open()];
        await Promise.all(stores.flatMap((each, s) => Array.from({ length: 10 }, (_, i) => each.append(sampleEntries(`s${s}-${i}`)))));
        expect(await verifyAccessLog(store)).toEqual({ ok: true, records: 90 });
      });
    });

    describe('verifying', () => {
      beforeEach(() => appendRequests(store, 3)); // records #1 to #9

      it('passes an untouched log, and an empty one', async () => {
        expect(await verifyAccessLog(store)).toEqual({ ok: true, records: 9 });
        const empty = await backend.create();
        try {
          expect(await verifyAccessLog(await empty.open())).toEqual({ ok: true, records: 0 });
        } finally {
          await empty.dispose();
        }
      });

      it('finds a field edited behind the store', async () => {
        await log.execute("UPDATE access_log SET fields = replace(fields, 'denied', 'allowed') WHERE seq = 5");
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 5, problem: expect.stringMatching(/changed/) });
      });

      it('finds an edited record whose hash was recomputed, at the record after it', async () => {
        const [, , record] = await readAll(store);
        const edited = { ...record!, purpose: 'curiosity' };
        await log.execute(`UPDATE access_log SET purpose = 'curiosity', hash = '${hashAccessRecord(edited)}' WHERE seq = 3`);
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 4, problem: expect.stringMatching(/previousHash/) });
      });

      it('finds a record deleted from the middle', async () => {
        await log.execute('DELETE FROM access_log WHERE seq = 4');
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 4, problem: expect.stringMatching(/#4 is missing.*removed/) });
      });

      it('finds two records swapped', async () => {
        await log.execute(
          'UPDATE access_log SET seq = -1 WHERE seq = 3; UPDATE access_log SET seq = 3 WHERE seq = 6; UPDATE access_log SET seq = 6 WHERE seq = -1',
        );
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 3, problem: expect.stringMatching(/reordered/) });
      });

      it('finds a truncated tail', async () => {
        await log.execute('DELETE FROM access_log WHERE seq > 7');
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 8, problem: expect.stringMatching(/truncated/) });
      });

      it('finds a well-chained record added without going through the store', async () => {
        const [extra] = chainAccessEntries(await store.readHead(), [sampleEntry('forged', SUBJECTS.citizen)]);
        await log.execute(`INSERT INTO access_log (${ACCESS_LOG_COLUMNS.join(', ')}) VALUES (${toAccessLogRow(extra!).map(sqlLiteral).join(', ')})`);
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 10, problem: expect.stringMatching(/without going through the store/) });
      });

      it('reports a row that no longer decodes, at its seq', async () => {
        await log.execute("UPDATE access_log SET fields = 'not json' WHERE seq = 2");
        expect(await verifyAccessLog(store)).toMatchObject({ ok: false, atSeq: 2, problem: expect.stringMatching(/unreadable/) });
      });
    });
  });
}
