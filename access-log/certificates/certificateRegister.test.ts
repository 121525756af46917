import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessLogStore } from '../store/AccessLogStore.js';
import { probeBackends, type TempAccessLog } from '../testing/accessLogBackends.js';

const issuance = (serial: string, department = 'tax') => ({
  serial,
  department,
  type: 'tax-clearance',
  subject: { kind: 'COMPANY' as const, id: '91330106MA2H2X4K0B' },
  issuedAt: '2026-11-30T03:00:00Z',
  validUntil: '2026-12-30T03:00:00Z',
  documentHash: 'a'.repeat(64),
});

describe.each(await probeBackends())('the certificate register on $name', ({ skipReason, create }) => {
  let log: TempAccessLog;
  let store: AccessLogStore;
  beforeEach(async (context) => {
    if (skipReason) context.skip(skipReason);
    log = await create();
    store = await log.open();
  });
  afterEach(async () => log?.dispose());

  it('keeps what revocation and audit need, and revokes a serial once, for its own department only', async () => {
    await store.certificates.record(issuance('tax-1'));
    await store.certificates.record(issuance('social-1', 'social'));
    expect(await store.certificates.read('tax-1')).toMatchObject({ ...issuance('tax-1'), revokedAt: null });
    expect(await store.certificates.isRevoked('tax', 'tax-1')).toBe(false);

    await expect(store.certificates.revoke('social', 'tax-1', 'mistake')).rejects.toThrow(
      'social issued no certificate tax-1',
    );
    const revoked = await store.certificates.revoke('tax', 'tax-1', 'issued in error');
    expect(revoked.revokedAt).not.toBeNull();
    expect(await store.certificates.isRevoked('tax', 'tax-1')).toBe(true);
    // The same serial under another department's name is not that department's revocation.
    expect(await store.certificates.isRevoked('social', 'tax-1')).toBe(false);
    await expect(store.certificates.revoke('tax', 'tax-1', 'again')).rejects.toThrow('already revoked');
    expect(await store.certificates.revocations('tax')).toEqual([
      { serial: 'tax-1', revokedAt: revoked.revokedAt, reason: 'issued in error' },
    ]);
    expect(await store.certificates.revocations('social')).toEqual([]);
    // A serial is issued once: a second record under it is refused by the database.
    await expect(store.certificates.record(issuance('tax-1'))).rejects.toThrow();
  });

  it('finds the unrevoked certificates still valid of one department, type and subject, newest first', async () => {
    const at = (serial: string, issuedAt: string, validUntil: string, extra: object = {}) => ({
      ...issuance(serial),
      issuedAt,
      validUntil,
      ...extra,
    });
    await store.certificates.record(at('tax-old', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'));
    await store.certificates.record(at('tax-new', '2026-11-20T00:00:00Z', '2026-12-20T00:00:00Z'));
    await store.certificates.record(at('tax-expired', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'));
    await store.certificates.record(at('tax-revoked', '2026-11-25T00:00:00Z', '2026-12-25T00:00:00Z'));
    await store.certificates.revoke('tax', 'tax-revoked', 'issued in error');
    await store.certificates.record(
      at('tax-other', '2026-11-21T00:00:00Z', '2026-12-21T00:00:00Z', {
        subject: { kind: 'COMPANY', id: '91110000100000000X' },
      }),
    );
    await store.certificates.record(at('tax-type', '2026-11-21T00:00:00Z', '2026-12-21T00:00:00Z', { type: 'x' }));
    await store.certificates.record({
      ...at('social-1', '2026-11-21T00:00:00Z', '2026-12-21T00:00:00Z'),
      department: 'social',
    });
    const query = {
      department: 'tax',
      type: 'tax-clearance',
      subject: { kind: 'COMPANY' as const, id: '91330106MA2H2X4K0B' },
      validAfter: '2026-11-15T00:00:00Z',
      limit: 10,
    };
    expect((await store.certificates.current(query)).map(({ serial }) => serial)).toEqual(['tax-new', 'tax-old']);
    expect((await store.certificates.current({ ...query, limit: 1 })).map(({ serial }) => serial)).toEqual(['tax-new']);
    expect(await store.certificates.current({ ...query, validAfter: '2026-12-20T00:00:00Z' })).toEqual([]);
  });
});
