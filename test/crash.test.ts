import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDashboardDocument } from '../examples/generated/operations.js';
import { verifyAccessLog, type AccessRecord } from '../access-log/index.js';
import { probeBackends, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
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
