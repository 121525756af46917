import { createHash } from 'node:crypto';
import type { AccessRecord } from './AccessEntry.js';
import { canonicalJson } from './canonicalJson.js';

/** The previousHash of the first record: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a record's hash is computed, in words, for exports: a third party recomputes every hash
 * from this alone. Keep it in step with hashAccessRecord (a test recomputes hashes from it).
 */
export const ACCESS_RECORD_HASH_RULE = {
  algorithm: 'SHA-256 over the UTF-8 bytes of the canonical JSON below, written as 64 lower-case hex digits',
  input:
    'a JSON object with exactly these keys: seq, previousHash, at, requestId, department, caller {kind, sub, roles, azp}, purpose, subject {kind, id}, fields [{field, decision}]; arrays keep their order',
  canonicalJson:
    'RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units at every level, no whitespace, strings escaped as ECMAScript JSON.stringify does, integers in plain decimal',
  chain: `each record's previousHash is the hash of the record with seq one lower; the first record (seq 1) has previousHash ${GENESIS_HASH}`,
} as const;

/** The hash of a record: SHA-256 (hex) of the canonical JSON of everything in it but the hash. */
export function hashAccessRecord(record: Omit<AccessRecord, 'hash'>): string {
  const { seq, previousHash, at, requestId, department, caller, purpose, subject, fields } = record;
  // Properties are picked by name, so nothing else on the object can change the hash.
  const body = {
    seq,
    previousHash,
    at,
    requestId,
    department,
    caller: { kind: caller.kind, sub: caller.sub, roles: caller.roles, azp: caller.azp },
    purpose,
    subject: { kind: subject.kind, id: subject.id },
    fields: fields.map(({ field, decision }) => ({ field, decision })),
  };
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}
