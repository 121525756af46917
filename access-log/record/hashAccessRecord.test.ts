import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccessRecord } from './AccessEntry.js';
import {
  digestSubjectAccess,
  GENESIS_HASH,
  hashAccessRecord,
  hashAccessRecordWithDigests,
} from './hashAccessRecord.js';
import { SUBJECTS } from '../testing/sampleEntries.js';
import { canonicalJson } from '../../core/index.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const subject = {
  kind: 'person' as const,
  id: SUBJECTS.citizen.id,
  fields: [{ field: 'Person.name', decision: 'masked' as const }],
  salt: 'ab'.repeat(16),
};
const record: Omit<AccessRecord, 'hash'> = {
  chain: 'tax@host:1.beef',
  seq: 1,
  previousHash: GENESIS_HASH,
  at: '2026-03-10T08:30:00.000Z',
  requestId: 'r1',
  correlationId: null,
  department: 'tax',
  caller: { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'], azp: 'tax-portal' },
  purpose: 'tax-audit',
  policy: null,
  subjects: [subject],
  denied: [{ field: 'Person.phone', count: 3 }],
};

describe('hashAccessRecord', () => {
  it('is the SHA-256 hex of the canonical JSON the export describes, written out by hand here', () => {
    const digest = sha(
      `{"fields":[{"decision":"masked","field":"Person.name"}],"id":"${SUBJECTS.citizen.id}","kind":"person","salt":"${'ab'.repeat(16)}"}`,
    );
    expect(digestSubjectAccess(subject)).toBe(digest);
    const canonical =
      `{"at":"2026-03-10T08:30:00.000Z","caller":{"azp":"tax-portal","kind":"officer","roles":["tax-officer"],"sub":"staff-7"},"chain":"tax@host:1.beef",` +
      `"correlationId":null,"denied":[{"count":3,"field":"Person.phone"}],"department":"tax","policy":null,"previousHash":"${GENESIS_HASH}",` +
      `"purpose":"tax-audit","requestId":"r1","seq":1,"subjects":["${digest}"]}`;
    expect(hashAccessRecord(record)).toBe(sha(canonical));
  });

  it('changes with every hashed property, including the chain and the place in it', () => {
    const base = hashAccessRecord(record);
    expect(hashAccessRecord({ ...record, chain: 'tax@host:2.beef' })).not.toBe(base);
    expect(hashAccessRecord({ ...record, seq: 2 })).not.toBe(base);
    expect(hashAccessRecord({ ...record, previousHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashAccessRecord({ ...record, caller: { ...record.caller, roles: [] } })).not.toBe(base);
    expect(hashAccessRecord({ ...record, policy: 'a'.repeat(64) })).not.toBe(base);
    expect(hashAccessRecord({ ...record, denied: [{ field: 'Person.phone', count: 4 }] })).not.toBe(base);
    expect(
      hashAccessRecord({
        ...record,
        subjects: [{ ...subject, fields: [{ field: 'Person.name', decision: 'allowed' }] }],
      }),
    ).not.toBe(base);
  });

  it('can be recomputed from the digests alone, so an export need not show the other subjects', () => {
    expect(hashAccessRecordWithDigests(record, [digestSubjectAccess(subject)])).toBe(hashAccessRecord(record));
    // A different salt gives a different digest: the digest does not reveal a guessable ID.
    expect(digestSubjectAccess({ ...subject, salt: 'cd'.repeat(16) })).not.toBe(digestSubjectAccess(subject));
  });

  it('ignores properties outside the record model', () => {
    expect(hashAccessRecord({ ...record, value: 'secret' } as never)).toBe(hashAccessRecord(record));
  });

  it("writes the same bytes as canonical JSON of the rule's body, for odd strings, nulls and empty lists too", () => {
    // The fixed-shape writer must never drift from RFC 8785: every stored hash is recomputed with it.
    const odd = ['a"b\\c', 'line\nbreak', '\u0001\u001f', 'é谢军辉', '\ud83d\ude00', '\ud800', '</script>', ''];
    const variants: Array<Omit<AccessRecord, 'hash'>> = [
      record,
      {
        ...record,
        correlationId: odd[0]!,
        purpose: null,
        caller: { kind: 'anonymous', sub: null, roles: [], azp: null },
      },
      { ...record, requestId: odd[3]!, caller: { ...record.caller, roles: odd }, denied: [], subjects: [] },
      {
        ...record,
        seq: Number.MAX_SAFE_INTEGER,
        policy: 'e'.repeat(64),
        denied: odd.map((field, count) => ({ field, count: count + 1 })),
        subjects: odd.map((salt, i) => ({
          ...subject,
          salt,
          id: odd[(i + 1) % odd.length]!,
          fields: [{ field: odd[i]!, decision: 'allowed' as const }],
        })),
      },
    ];
    for (const variant of variants) {
      const digests = variant.subjects.map((one) =>
        sha(
          canonicalJson({
            salt: one.salt,
            kind: one.kind,
            id: one.id,
            fields: one.fields.map(({ field, decision }) => ({ field, decision })),
          }),
        ),
      );
      variant.subjects.forEach((one, i) => expect(digestSubjectAccess(one)).toBe(digests[i]));
      const { caller, denied } = variant;
      const body = {
        chain: variant.chain,
        seq: variant.seq,
        previousHash: variant.previousHash,
        at: variant.at,
        requestId: variant.requestId,
        correlationId: variant.correlationId,
        department: variant.department,
        caller: { kind: caller.kind, sub: caller.sub, roles: caller.roles, azp: caller.azp },
        purpose: variant.purpose,
        policy: variant.policy,
        subjects: digests,
        denied: denied.map(({ field, count }) => ({ field, count })),
      };
      expect(hashAccessRecord(variant)).toBe(sha(canonicalJson(body)));
    }
  });

  it('refuses what canonical JSON refuses instead of hashing it some other way', () => {
    expect(() => hashAccessRecord({ ...record, seq: 1.5 })).toThrow(/safe integer/);
    expect(() => hashAccessRecord({ ...record, purpose: undefined as never })).toThrow(TypeError);
  });
});
