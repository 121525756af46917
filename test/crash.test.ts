import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDashboardDocument } from '../examples/generated/operations.js';
import {
  createAccessLogStore,
  openAccessLogStore,
  verifyAccessLog,
  type AccessLogStore,
  type AccessRecord,
} from '../access-log/index.js';
import { openSqliteDriver } from '../access-log/store/backends/sqliteDriver.js';
import { probeBackends, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import { sampleRequest } from '../access-log/testing/sampleEntries.js';
import type { SqlDriver } from '../access-log/sql/SqlDriver.js';
import { startStack, type Stack } from './harness.js';

const CLIENTS = 4;
/** The crash comes once this many answers are in; the load goes on through the restart and this many more after it. */
const KILL_AFTER = 40;
const AFTER_RESTART = 40;

/**
 * A subgraph process dies mid-load (SIGKILL: nothing of it gets to clean up) and comes back,
 * while another subgraph process and the in-process ones keep writing their own chains of the
 * same log: every chain stays whole, and every personal field a client received has its record.
 */
describe.each(await probeBackends())('a subgraph killed under load, the log on $name', (backend) => {
  let log: TempAccessLog;
  let stack: Stack;
  beforeAll(async () => {
    if (backend.skipReason) return;
    log = await backend.create();
    stack = await startStack({ accessLogUrl: log.url, outOfProcess: ['market', 'social'], legacyTimeoutMs: 2_000 });
  });
  afterAll(async () => {
    await stack?.close();
    await log?.dispose();
  });

  it.skipIf(backend.skipReason !== null)(
    'leaves every chain unbroken with a record for every personal field a client received',
    async () => {
      const social = stack.processes.social!;
      const citizens = stack.dataSet.residents
        .filter((resident) => resident.insurance?.status === 'ACTIVE')
        .slice(0, 8)
        .map((resident) => resident.id);
      const received: Array<{ citizen: string; requestId: string; me: Record<string, unknown> | null }> = [];
      let sent = 0;
      let restarted: Promise<void> | null = null;
      let backAt: number | null = null;
      const done = () => backAt !== null && received.length >= backAt + AFTER_RESTART;
      const client = async () => {
        while (!done()) {
          const citizen = citizens[sent++ % citizens.length]!;
          const response = await stack.query(
            CitizenDashboardDocument,
            { year: 2025 },
            { as: { kind: 'person', sub: citizen } },
          );
          received.push({
            citizen,
            requestId: response.headers.get('x-request-id')!,
            me: (response.data?.me as Record<string, unknown> | null) ?? null,
          });
          if (received.length === KILL_AFTER && !restarted) {
            restarted = social
              .kill('SIGKILL')
              .then(() => social.restart())
              .then(() => {
                backAt = received.length;
              });
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      await restarted;
      // The social subgraph is back: a request after the load gets its data again.
      const after = await stack.query(
        CitizenDashboardDocument,
        { year: 2025 },
        { as: { kind: 'person', sub: citizens[0]! } },
      );
      expect(after.data?.me?.name).toBe(stack.dataSet.residentById.get(citizens[0]!)!.name);

      // Chains: the in-process subgraphs' one, market's, and social's before and after its restart.
      expect(await verifyAccessLog(stack.accessLog)).toMatchObject({ ok: true, chains: 4 });
      const records = new Map<string, AccessRecord[]>();
      for await (const record of stack.accessLog.readAll())
        records.set(record.requestId, [...(records.get(record.requestId) ?? []), record]);

      const hasRecord = (requestId: string, department: string, citizen: string, field: string) =>
        (records.get(requestId) ?? []).some(
          (record) =>
            record.department === department &&
            record.subjects.some(
              (subject) =>
                subject.id === citizen &&
                subject.fields.some((entry) => entry.field === field && entry.decision === 'allowed'),
            ),
        );
      let withSocial = 0;
      let withoutSocial = 0;
      for (const { citizen, requestId, me } of received) {
        if (me?.name) {
          withSocial += 1;
          expect(
            hasRecord(requestId, 'social', citizen, 'Person.name'),
            `request ${requestId} got a name with no record`,
          ).toBe(true);
          if (me.socialSecurity) expect(hasRecord(requestId, 'social', citizen, 'Person.socialSecurity')).toBe(true);
        } else {
          withoutSocial += 1;
        }
        if (me?.incomeTax) expect(hasRecord(requestId, 'tax', citizen, 'Person.incomeTax')).toBe(true);
        if (me?.legalRepresentativeOf)
          expect(hasRecord(requestId, 'market', citizen, 'Person.legalRepresentativeOf')).toBe(true);
      }
      // Answers came before the crash, during it (without their social part) and after the restart.
      expect(withSocial).toBeGreaterThan(KILL_AFTER);
      expect(withoutSocial).toBeGreaterThan(0);
      expect(withSocial + withoutSocial).toBe(received.length);
    },
  );
});

const APPEND_UNTIL_KILLED = fileURLToPath(new URL('../access-log/testing/appendUntilKilled.ts', import.meta.url));
/** The writer is killed once this many appends have resolved (with 16 more in flight at any time). */
const KILL_AFTER_APPENDS = 300;

async function requestIdsIn(store: AccessLogStore): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const record of store.readAll()) ids.add(record.requestId);
  return ids;
}

/**
 * The store alone, killed (SIGKILL) while appends are in flight: every append the writer saw
 * resolve (what a subgraph answers on) has its record, and the chain is whole up to where it stops.
 */
describe.each(await probeBackends())('a writer process killed mid-append, the log on $name', (backend) => {
  it.skipIf(backend.skipReason !== null)('loses no record whose append had resolved', async () => {
    const log = await backend.create();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', APPEND_UNTIL_KILLED, log.url, 'killed', '16'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit');
      const acknowledged: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        const appended = /^appended (\S+)$/.exec(line);
        if (appended) acknowledged.push(appended[1]!);
        if (acknowledged.length === KILL_AFTER_APPENDS) child.kill('SIGKILL');
      }
      const [code, signal] = (await exited) as [number | null, string | null];
      expect({ code, signal, stderr: stderr.slice(0, 500) }).toMatchObject({ code: null, signal: 'SIGKILL' });
      // Lines the child wrote before it died may still arrive after the kill: each one counts.
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_APPENDS);

      const store = await log.open();
      expect(await verifyAccessLog(store)).toMatchObject({ ok: true, chains: 1 });
      const written = await requestIdsIn(store);
      expect(acknowledged.filter((requestId) => !written.has(requestId))).toEqual([]);
      // Committed but never answered (killed between the commit and the answer) is allowed; the
      // other way round is what "no record, no data" forbids.
      expect(written.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await log.dispose();
    }
  });
});

/**
 * A power loss between the sync and the answer, simulated: after each group's transaction has
 * resolved (its WAL fdatasync done) and before any of its appends resolves, the database and its
 * WAL are copied, as the disk would be found after the power failed at that instant. Opening each
 * copy (SQLite replays the WAL) shows every record whose append resolved before the next copy, and
 * a whole chain. What a copy cannot show is the disk's own cache: the copy reads the kernel's page
 * cache, so this test holds the order (commit, sync, copy, answer); that the sync reaches the disk
 * is fdatasync's promise (access-log/store/backends/walFileSync.ts).
 */
describe('a power loss between the sync and the answer, the log on SQLite', () => {
  it('leaves files that hold every record whose append resolved', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'access-log-power-'));
    try {
      const file = join(folder, 'access-log.db');
      const driver = openSqliteDriver(file, { create: true });
      const copies: string[] = [];
      const copyingDriver: SqlDriver = {
        ...driver,
        async transaction(work) {
          const result = await driver.transaction(work);
          // The power fails here: the group is synced, none of its appends has resolved yet.
          const copy = join(folder, `copy-${copies.length}`);
          mkdirSync(copy);
          copyFileSync(file, join(copy, 'access-log.db'));
          if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, join(copy, 'access-log.db-wal'));
          copies.push(copy);
          return result;
        },
      };
      const store = createAccessLogStore(copyingDriver, { chain: 'test-power', refusalWindowMs: 0 });
      /** For each request, how many copies had been taken when its append resolved. */
      const copiesWhenResolved = new Map<string, number>();
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < 400) {
            const requestId = `power-${next++}`;
            await store.append(sampleRequest(requestId));
            copiesWhenResolved.set(requestId, copies.length);
          }
        }),
      );
      await store.close();
      expect(copies.length).toBeGreaterThan(10);

      for (const [i, copy] of copies.entries()) {
        const recovered = await openAccessLogStore({ url: `sqlite:${join(copy, 'access-log.db')}`, create: false });
        try {
          expect(await verifyAccessLog(recovered)).toMatchObject({ ok: true });
          const written = await requestIdsIn(recovered);
          // Resolved before copy i + 1 was taken, so the power failing at copy i must not lose it.
          const answered = [...copiesWhenResolved].filter(([, taken]) => taken <= i + 1).map(([id]) => id);
          expect(
            answered.filter((requestId) => !written.has(requestId)),
            `copy ${i}`,
          ).toEqual([]);
        } finally {
          await recovered.close();
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
