import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRecord } from '../record/AccessEntry.js';
import { canonicalJson } from '../../core/canonicalJson.js';
import type { AccessLogStore, PolicyVersion } from '../store/AccessLogStore.js';
import {
  fileCheckpointSink,
  makeCheckpoint,
  readCheckpointFile,
  type CheckpointSigner,
} from '../checkpoints/checkpoints.js';
import { createAccessLogStore } from '../store/createAccessLogStore.js';
import { GENESIS_HASH, hashAccessRecord, sha256 } from '../record/hashAccessRecord.js';
import { accessLogLocation } from '../store/openAccessLogStore.js';
import { openPostgresDriver } from '../store/backends/postgresDriver.js';
import { openSqliteDriver } from '../store/backends/sqliteDriver.js';
import type { SqlDriver } from '../sql/SqlDriver.js';
import { verifyAccessLog } from '../verify/verifyAccessLog.js';
import type { ProbedAccessLogBackend, TempAccessLog } from './accessLogBackends.js';
import { appendFromProcesses } from './appendFromProcesses.js';
import { consistentRewriteSql } from './consistentRewriteSql.js';
import { sqlLiteral } from './sqlLiteral.js';
import { sampleEntry, sampleRequest, SUBJECTS } from './sampleEntries.js';

async function readAll(store: AccessLogStore): Promise<Array<AccessRecord & { id: number }>> {
  const records: Array<AccessRecord & { id: number }> = [];
  for await (const record of store.readAll()) records.push(record);
  return records;
}

/** Appends `requests` three-subject requests (request ids r1, r2, ...), one after another. */
async function appendRequests(store: AccessLogStore, requests: number): Promise<void> {
  for (let i = 1; i <= requests; i++) await store.append(sampleRequest(`r${i}`));
}

async function openDriver(url: string): Promise<SqlDriver> {
  const location = accessLogLocation(url);
  return location.kind === 'postgres'
    ? openPostgresDriver(location.url, { create: true })
    : openSqliteDriver(location.file, { create: true });
}

/** A policy version as the privacy engine makes one (its policyVersionOf): the texts by the hash of their canonical JSON. */
function policyVersionOf(department: string, files: Record<string, string>): PolicyVersion {
  const document = canonicalJson({ department, files });
  return { hash: sha256(document), department, document };
}

async function newSigner(): Promise<{ signer: CheckpointSigner; keys: JSONWebKeySet }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const kid = `test-${Math.random().toString(16).slice(2, 8)}`;
  return { signer: { key: privateKey, kid }, keys: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }] } };
}

/**
 * The one behaviour suite every access log back end must pass (docs/access-log.md: same schema,
 * same tests). Each test gets a fresh log; tampering is done with direct SQL, as someone with
 * access to the database but not to the store or the platform's key would.
 */
export function describeAccessLogStore(backend: ProbedAccessLogBackend): void {
  const title = backend.skipReason
    ? `access log on ${backend.name} (skipped: ${backend.skipReason})`
    : `access log on ${backend.name}`;
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
      it("returns a subject's records newest first, each with that subject's own fields and no one else's", async () => {
        await appendRequests(store, 3);
        await store.append({
          ...sampleEntry('only-company', [SUBJECTS.companyInArrears]),
          subjects: [{ ...SUBJECTS.companyInArrears, fields: [{ field: 'TaxProfile.arrears', decision: 'allowed' }] }],
        });
        const { records, hasNextPage } = await store.readBySubject(SUBJECTS.employee, { first: 10 });
        expect(records.map((record) => record.requestId)).toEqual(['r3', 'r2', 'r1']);
        expect(records.every((record) => record.subject.id === SUBJECTS.employee.id)).toBe(true);
        expect(records[0]!.fields).toEqual([
          { field: 'IncomeTaxReturn.income', decision: 'allowed' },
          { field: 'Person.name', decision: 'masked' },
        ]);
        expect(hasNextPage).toBe(false);
        const company = await store.readBySubject(SUBJECTS.companyInArrears, { first: 1 });
        expect(company.records[0]).toMatchObject({
          requestId: 'only-company',
          fields: [{ field: 'TaxProfile.arrears', decision: 'allowed' }],
        });
        expect(
          (await store.readBySubject({ kind: 'company', id: SUBJECTS.citizen.id }, { first: 10 })).records,
        ).toEqual([]);
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
      });

      it('finds a subject whatever the case of the ID (a lower-case x check digit is common)', async () => {
        const lower = { kind: 'person' as const, id: '11010519491231002x' };
        await store.append(sampleEntry('r1', [lower]));
        const { records } = await store.readBySubject({ kind: 'person', id: '11010519491231002X' }, { first: 1 });
        expect(records.map((record) => record.subject.id)).toEqual(['11010519491231002X']);
      });

      it('filters by time, from inclusive and to exclusive, given in any zone', async () => {
        for (const [requestId, at] of [
          ['january', '2026-01-15T10:00:00.000Z'],
          ['february', '2026-02-01T00:00:00.000Z'],
          ['march', '2026-03-10T08:30:00.000Z'],
        ] as const) {
          await store.append(sampleEntry(requestId, [SUBJECTS.citizen], at));
        }
        const read = async (from: string | null, to: string | null) =>
          (await store.readBySubject(SUBJECTS.citizen, { first: 10, from, to })).records.map(
            (record) => record.requestId,
          );
        expect(await read('2026-02-01T00:00:00Z', null)).toEqual(['march', 'february']);
        expect(await read(null, '2026-02-01T08:00:00+08:00')).toEqual(['january']);
        expect(await read('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual(['february', 'january']);
      });

      it('refuses a page size outside 1..100, a foreign cursor and a timestamp without a zone', async () => {
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 0 })).rejects.toThrow(/first must be/);
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 101 })).rejects.toThrow(/first must be/);
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 1, after: 'bm9wZQ' })).rejects.toThrow(
          /not a cursor/,
        );
        await expect(store.readBySubject(SUBJECTS.citizen, { first: 1, from: '2026-01-01' })).rejects.toThrow(
          /ISO timestamp/,
        );
      });
    });

    describe('appending', () => {
      it("chains each writer's records from the genesis hash and moves only that writer's head", async () => {
        const other = await log.open();
        await appendRequests(store, 3);
        await other.append(sampleRequest('other-1'));
        const records = await readAll(store);
        const mine = records.filter((record) => record.chain === store.chain);
        expect(mine.map((record) => record.seq)).toEqual([1, 2, 3]);
        expect(mine[0]!.previousHash).toBe(GENESIS_HASH);
        mine.forEach((record, i) => {
          expect(record.hash).toBe(hashAccessRecord(record));
          if (i > 0) expect(record.previousHash).toBe(mine[i - 1]!.hash);
        });
        expect(records.find((record) => record.chain === other.chain)).toMatchObject({
          seq: 1,
          previousHash: GENESIS_HASH,
        });
        expect(await store.readChains()).toEqual(
          expect.arrayContaining([
            { chain: store.chain, seq: 3, hash: mine[2]!.hash },
            { chain: other.chain, seq: 1, hash: expect.any(String) },
          ]),
        );
      });

      it('commits concurrent appends in groups, in the order they were made', async () => {
        const driver = await openDriver(log.url);
        let transactions = 0;
        const counting: SqlDriver = {
          ...driver,
          transaction: (work) => ((transactions += 1), driver.transaction(work)),
        };
        const grouped = createAccessLogStore(counting, { chain: 'grouped' });
        try {
          const appended = await Promise.all(
            Array.from({ length: 60 }, (_, i) => grouped.append(sampleRequest(`g${i}`))),
          );
          expect(appended.map((record) => record.requestId)).toEqual(Array.from({ length: 60 }, (_, i) => `g${i}`));
          expect(appended.map((record) => record.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
          expect(transactions).toBeLessThan(10);
          expect(await verifyAccessLog(store)).toMatchObject({ ok: true, records: 60 });
        } finally {
          await grouped.close();
        }
      });

      it('folds the parts of one request that wait together into one record: subjects united, refusals summed', async () => {
        const part = (subject: (typeof SUBJECTS)[keyof typeof SUBJECTS]) =>
          store.append(sampleEntry('one-request', [subject]));
        const refusals = store.append({
          ...sampleEntry('one-request', []),
          denied: [{ field: 'Person.phone', count: 5 }],
        });
        const records = await Promise.all([part(SUBJECTS.citizen), part(SUBJECTS.employee), refusals]);
        // Each part resolves with the one record that holds it.
        expect(new Set(records.map((record) => `${record.chain}#${record.seq}`)).size).toBe(1);
        const all = await readAll(store);
        expect(all).toHaveLength(1);
        expect(all[0]!.subjects.map((subject) => subject.id).sort()).toEqual(
          [SUBJECTS.citizen.id, SUBJECTS.employee.id].sort(),
        );
        expect(all[0]!.denied).toEqual([
          { field: 'Person.phone', count: 5 },
          { field: 'SocialSecurityAccount.pensionBalance', count: 4 },
        ]);
        expect(await verifyAccessLog(store)).toMatchObject({ ok: true, records: 1 });
      });

      it('holds an entry of refusals only for the rest of its request, and writes it when the store closes', async () => {
        const refusalsOnly = { ...sampleEntry('refused', []), denied: [{ field: 'Company.tax', count: 100 }] };
        const first = store.append(refusalsOnly);
        const second = store.append({ ...refusalsOnly, denied: [{ field: 'Company.tax', count: 20 }] });
        const closing = store.close();
        const [record] = await Promise.all([first, second, closing]);
        expect(record).toMatchObject({
          requestId: 'refused',
          subjects: [],
          denied: [{ field: 'Company.tax', count: 120 }],
        });
        const reopened = await log.open();
        expect((await readAll(reopened)).map((stored) => stored.requestId)).toEqual(['refused']);
      });

      it('keeps only the record model: a value handed over by mistake is not written', async () => {
        const entry = sampleEntry('r1');
        const leaky = {
          ...entry,
          value: '13800138000',
          subjects: [
            {
              ...entry.subjects[0]!,
              phone: '13800138000',
              fields: [{ field: 'Person.phone', decision: 'allowed', value: '13800138000' }],
            },
          ],
        };
        await store.append(leaky as never);
        const [record] = await readAll(store);
        expect(JSON.stringify(record)).not.toContain('13800138000');
        expect(record!.subjects[0]!.fields).toEqual([{ field: 'Person.phone', decision: 'allowed' }]);
      });

      it('refuses a subject that is not a well-formed resident ID or USCC, and writes nothing', async () => {
        const injected = {
          ...sampleEntry('r1'),
          subjects: [
            {
              kind: 'person' as const,
              id: 'HELLO-INJECTED-SUBJECT',
              fields: [{ field: 'Person.name', decision: 'allowed' as const }],
            },
          ],
        };
        await expect(store.append(injected)).rejects.toThrow(/not a well-formed resident ID/);
        await expect(
          store.append({ ...sampleEntry('r2'), subjects: [{ kind: 'company', id: 'x'.repeat(300), fields: [] }] }),
        ).rejects.toThrow(/subject\.id/);
        expect(await readAll(store)).toEqual([]);
      });

      it('rejects the appends of a group whose transaction fails, so their callers withhold the data', async () => {
        await appendRequests(store, 1);
        await log.execute('DROP TABLE access_records');
        const results = await Promise.allSettled([store.append(sampleRequest('a')), store.append(sampleRequest('b'))]);
        expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      });

      it('rejects an append when its chain row is gone, rather than start the chain again', async () => {
        await appendRequests(store, 1);
        await log.execute('DELETE FROM access_chains');
        await expect(store.append(sampleRequest('r2'))).rejects.toThrow(/no head row|not where this writer left it/);
        expect((await readAll(store)).length).toBe(1);
      });

      it('keeps the text of each policy version named by a record, once', async () => {
        const version = policyVersionOf('tax', { 'tax.yaml': 'types: {}\n', 'roles.yaml': 'roles: {}\n' });
        store.registerPolicy(version);
        await store.append({ ...sampleEntry('r1'), policy: version.hash });
        await store.append({ ...sampleEntry('r2'), policy: version.hash });
        expect(await store.readPolicies([version.hash])).toEqual([version]);
        expect((await readAll(store)).map((record) => record.policy)).toEqual([version.hash, version.hash]);
      });

      it('keeps every chain valid when several processes append at once', async () => {
        const fresh = await backend.create();
        try {
          const writers = ['a', 'b', 'c', 'd'];
          const requests = 25;
          await appendFromProcesses(fresh.url, writers, requests, 2, 1);
          const shared = await fresh.open();
          expect(await verifyAccessLog(shared)).toEqual({
            ok: true,
            records: writers.length * requests,
            chains: writers.length,
            checkpoints: 0,
          });
          const records = await readAll(shared);
          expect(new Set(records.map((record) => record.requestId)).size).toBe(writers.length * requests);
          // The writers really overlapped (else this test proves nothing): the order of writing switches chain often.
          const switches = records.filter((record, i) => i > 0 && record.chain !== records[i - 1]!.chain).length;
          expect(switches).toBeGreaterThan(writers.length);
        } finally {
          await fresh.dispose();
        }
      });
    });

    describe('verifying', () => {
      let other: AccessLogStore;
      beforeEach(async () => {
        other = await log.open();
        await appendRequests(store, 4); // chain of store: #1 to #4
        await other.append(sampleRequest('o1'));
      });
      const mine = () => sqlLiteral(store.chain);

      it('passes an untouched log, and an empty one', async () => {
        expect(await verifyAccessLog(store)).toEqual({ ok: true, records: 5, chains: 2, checkpoints: 0 });
        const empty = await backend.create();
        try {
          expect(await verifyAccessLog(await empty.open())).toEqual({
            ok: true,
            records: 0,
            chains: 0,
            checkpoints: 0,
          });
        } finally {
          await empty.dispose();
        }
      });

      it('finds a field edited behind the store', async () => {
        await log.execute(
          `UPDATE access_records SET subjects = replace(subjects, 'masked', 'allowed') WHERE chain = ${mine()} AND seq = 3`,
        );
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 3,
          problem: expect.stringMatching(/changed/),
        });
      });

      it('finds an edited record whose hash was recomputed, at the record after it', async () => {
        const record = (await readAll(store)).find(
          (candidate) => candidate.chain === store.chain && candidate.seq === 2,
        )!;
        await log.execute(
          `UPDATE access_records SET purpose = 'curiosity', hash = ${sqlLiteral(hashAccessRecord({ ...record, purpose: 'curiosity' }))} WHERE chain = ${mine()} AND seq = 2`,
        );
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 3,
          problem: expect.stringMatching(/previousHash/),
        });
      });

      it('finds a record deleted from the middle', async () => {
        await log.execute(`DELETE FROM access_records WHERE chain = ${mine()} AND seq = 2`);
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 2,
          problem: expect.stringMatching(/#2 is missing.*removed/),
        });
      });

      it('finds two records swapped', async () => {
        await log.execute(
          `UPDATE access_records SET seq = -1 WHERE chain = ${mine()} AND seq = 2; UPDATE access_records SET seq = 2 WHERE chain = ${mine()} AND seq = 3; UPDATE access_records SET seq = 3 WHERE chain = ${mine()} AND seq = -1`,
        );
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          problem: expect.stringMatching(/reordered|missing/),
        });
      });

      it('finds a truncated tail', async () => {
        await log.execute(`DELETE FROM access_records WHERE chain = ${mine()} AND seq > 2`);
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 3,
          problem: expect.stringMatching(/truncated/),
        });
      });

      it('finds a well-chained record added without going through the store', async () => {
        const [last] = (await readAll(store)).filter((record) => record.chain === store.chain).slice(-1);
        const forged = { ...last!, requestId: 'forged', seq: 5, previousHash: last!.hash };
        const hash = hashAccessRecord(forged);
        await log.execute(
          `INSERT INTO access_records (chain, seq, previous_hash, hash, at, request_id, correlation_id, department, caller_kind, caller_sub, caller_roles, caller_azp, purpose, policy, subjects, denied)
           SELECT chain, 5, ${sqlLiteral(last!.hash)}, ${sqlLiteral(hash)}, at, 'forged', correlation_id, department, caller_kind, caller_sub, caller_roles, caller_azp, purpose, policy, subjects, denied
           FROM access_records WHERE chain = ${mine()} AND seq = 4`,
        );
        await log.execute(
          `INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) SELECT s.subject_kind, s.subject_id, (SELECT id FROM access_records WHERE chain = ${mine()} AND seq = 5)
           FROM access_record_subjects s JOIN access_records r ON r.id = s.record_id WHERE r.chain = ${mine()} AND r.seq = 4`,
        );
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 5,
          problem: expect.stringMatching(/without going through the store/),
        });
      });

      it('reports a row that no longer decodes, at its chain and seq', async () => {
        await log.execute(`UPDATE access_records SET denied = 'not json' WHERE chain = ${mine()} AND seq = 2`);
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 2,
          problem: expect.stringMatching(/unreadable/),
        });
      });

      it('reports a caller kind the store never writes, at its chain and seq', async () => {
        await log.execute(`UPDATE access_records SET caller_kind = 'robot' WHERE chain = ${mine()} AND seq = 3`);
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 3,
          problem: expect.stringMatching(/caller_kind/),
        });
      });

      it("finds a record hidden from a subject's own view (its index entry deleted)", async () => {
        await log.execute(
          `DELETE FROM access_record_subjects WHERE subject_id = ${sqlLiteral(SUBJECTS.employee.id)} AND record_id = (SELECT id FROM access_records WHERE chain = ${mine()} AND seq = 2)`,
        );
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 2,
          problem: expect.stringMatching(/subject index/),
        });
      });

      it('finds a policy text changed after it decided', async () => {
        const version = policyVersionOf('tax', { 'tax.yaml': 'types: {}\n', 'roles.yaml': 'roles: {}\n' });
        store.registerPolicy(version);
        await store.append({ ...sampleEntry('with-policy'), policy: version.hash });
        await log.execute("UPDATE access_policies SET document = replace(document, 'types', 'typez')");
        expect(await verifyAccessLog(store)).toMatchObject({
          ok: false,
          chain: store.chain,
          atSeq: 5,
          problem: expect.stringMatching(/policy version .* was changed/),
        });
      });

      describe('against checkpoints kept outside the database', () => {
        let folder: string;
        beforeEach(() => {
          folder = mkdtempSync(join(tmpdir(), 'checkpoints-'));
        });
        afterEach(() => rmSync(folder, { recursive: true, force: true }));

        it('catches records rewritten together with their head, which the chains alone cannot', async () => {
          const { signer, keys } = await newSigner();
          const file = join(folder, 'checkpoints.jsonl');
          await makeCheckpoint(store, signer, [fileCheckpointSink(file)]);
          await log.execute(consistentRewriteSql(await readAll(store), store.chain, 2, 'curiosity'));
          // The rewrite is consistent: every hash and the head agree again.
          expect(await verifyAccessLog(store)).toMatchObject({ ok: true });
          const checkpoints = readCheckpointFile(file);
          expect(await verifyAccessLog(store, { checkpoints, keys })).toMatchObject({
            ok: false,
            chain: store.chain,
            problem: expect.stringMatching(/rewritten after that checkpoint/),
          });
        });

        it('catches a whole chain removed, head row and all', async () => {
          const { signer, keys } = await newSigner();
          const file = join(folder, 'checkpoints.jsonl');
          await makeCheckpoint(store, signer, [fileCheckpointSink(file)]);
          await log.execute(
            `DELETE FROM access_record_subjects WHERE record_id IN (SELECT id FROM access_records WHERE chain = ${sqlLiteral(other.chain)})`,
          );
          await log.execute(
            `DELETE FROM access_records WHERE chain = ${sqlLiteral(other.chain)}; DELETE FROM access_chains WHERE chain = ${sqlLiteral(other.chain)}`,
          );
          expect(await verifyAccessLog(store)).toMatchObject({ ok: true });
          expect(await verifyAccessLog(store, { checkpoints: readCheckpointFile(file), keys })).toMatchObject({
            ok: false,
            chain: other.chain,
            problem: expect.stringMatching(/is gone/),
          });
        });

        it('passes a log that only grew since its checkpoints, and refuses a checkpoint signed with another key', async () => {
          const { signer, keys } = await newSigner();
          const file = join(folder, 'checkpoints.jsonl');
          await makeCheckpoint(store, signer, [fileCheckpointSink(file)]);
          await appendRequests(other, 2);
          await makeCheckpoint(store, signer, [fileCheckpointSink(file)]);
          await store.append(sampleRequest('later'));
          expect(await verifyAccessLog(store, { checkpoints: readCheckpointFile(file), keys })).toEqual({
            ok: true,
            records: 8,
            chains: 2,
            checkpoints: 2,
          });
          expect((await store.readCheckpoints()).length).toBe(2);

          const forger = await newSigner();
          await makeCheckpoint(store, forger.signer, [fileCheckpointSink(file)]);
          expect(await verifyAccessLog(store, { checkpoints: readCheckpointFile(file), keys })).toMatchObject({
            ok: false,
            problem: expect.stringMatching(/checkpoint 3 .* cannot be trusted: it is signed with a key/),
          });
        });
      });
    });
  });
}
