import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeBackends, type TempAccessLog } from '../testing/accessLogBackends.js';
import { openCertificateRegister, type OpenedCertificateRegister } from './certificateRegister.js';

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
  let certificates: OpenedCertificateRegister;
  beforeEach(async (context) => {
    if (skipReason) context.skip(skipReason);
    log = await create();
    certificates = await openCertificateRegister({ url: log.url });
  });
  afterEach(async () => {
    await certificates?.close();
    await log?.dispose();
  });

  it('keeps what revocation and audit need, and revokes a serial once, for its own department only', async () => {
    await certificates.record(issuance('tax-1'));
    await certificates.record(issuance('social-1', 'social'));
    expect(await certificates.read('tax-1')).toMatchObject({ ...issuance('tax-1'), revokedAt: null });
    expect(await certificates.isRevoked('tax', 'tax-1')).toBe(false);

    await expect(certificates.revoke('social', 'tax-1', 'mistake')).rejects.toThrow(
      'social issued no certificate tax-1',
    );
    const revoked = await certificates.revoke('tax', 'tax-1', 'issued in error');
    expect(revoked.revokedAt).not.toBeNull();
    expect(await certificates.isRevoked('tax', 'tax-1')).toBe(true);
    // The same serial under another department's name is not that department's revocation.
    expect(await certificates.isRevoked('social', 'tax-1')).toBe(false);
    await expect(certificates.revoke('tax', 'tax-1', 'again')).rejects.toThrow('already revoked');
    expect(await certificates.revocations('tax')).toEqual([
      { serial: 'tax-1', revokedAt: revoked.revokedAt, reason: 'issued in error' },
    ]);
    expect(await certificates.revocations('social')).toEqual([]);
    // A serial is issued once: a second record under it is refused by the database.
    await expect(certificates.record(issuance('tax-1'))).rejects.toThrow();
  });

  it('finds the unrevoked certificates still valid of one department, type and subject, newest first', async () => {
    const at = (serial: string, issuedAt: string, validUntil: string, extra: object = {}) => ({
      ...issuance(serial),
      issuedAt,
      validUntil,
      ...extra,
    });
    await certificates.record(at('tax-old', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'));
    await certificates.record(at('tax-new', '2026-11-20T00:00:00Z', '2026-12-20T00:00:00Z'));
    await certificates.record(at('tax-expired', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'));
    await certificates.record(at('tax-revoked', '2026-11-25T00:00:00Z', '2026-12-25T00:00:00Z'));
    await certificates.revoke('tax', 'tax-revoked', 'issued in error');
    await certificates.record(
      at('tax-other', '2026-11-21T00:00:00Z', '2026-12-21T00:00:00Z', {
        subject: { kind: 'COMPANY', id: '91110000100000000X' },
      }),
    );
    await certificates.record(at('tax-type', '2026-11-21T00:00:00Z', '2026-12-21T00:00:00Z', { type: 'x' }));
    await certificates.record({
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
    expect((await certificates.current(query)).map(({ serial }) => serial)).toEqual(['tax-new', 'tax-old']);
    expect((await certificates.current({ ...query, limit: 1 })).map(({ serial }) => serial)).toEqual(['tax-new']);
    expect(await certificates.current({ ...query, validAfter: '2026-12-20T00:00:00Z' })).toEqual([]);
  });
});
