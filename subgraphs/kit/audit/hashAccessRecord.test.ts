import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAccessRecord } from './hashAccessRecord.js';
import { sampleEntry, SUBJECTS } from './testing/sampleEntries.js';

const record = { ...sampleEntry('r1', SUBJECTS.citizen, '2026-03-10T08:30:00.000Z'), seq: 1, previousHash: GENESIS_HASH };

describe('hashAccessRecord', () => {
  it('is the SHA-256 hex of the canonical JSON the export describes, written out by hand here', () => {
    const canonical =
      `{"at":"2026-03-10T08:30:00.000Z","caller":{"azp":"tax-portal","kind":"officer","roles":["tax-officer"],"sub":"staff-7"},` +
      `"department":"tax","fields":[{"decision":"allowed","field":"IncomeTaxReturn.income"},{"decision":"masked","field":"Person.name"},` +
      `{"decision":"denied","field":"SocialSecurityAccount.pensionBalance"}],"previousHash":"${GENESIS_HASH}","purpose":"audit-2026-114",` +
      `"requestId":"r1","seq":1,"subject":{"id":"${SUBJECTS.citizen.id}","kind":"person"}}`;
    expect(hashAccessRecord(record)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('changes with every hashed property, including the place in the chain', () => {
    const base = hashAccessRecord(record);
    expect(hashAccessRecord({ ...record, seq: 2 })).not.toBe(base);
    expect(hashAccessRecord({ ...record, previousHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashAccessRecord({ ...record, caller: { ...record.caller, roles: [] } })).not.toBe(base);
    expect(hashAccessRecord({ ...record, fields: [{ field: 'IncomeTaxReturn.income', decision: 'denied' }] })).not.toBe(base);
  });

  it('ignores properties outside the record model', () => {
    expect(hashAccessRecord({ ...record, value: 'secret' } as never)).toBe(hashAccessRecord(record));
  });
});
