import { createHash } from 'node:crypto';
import type { AccessRecord, StoredSubjectAccess } from './AccessEntry.js';
import { canonicalJson } from '../../core/index.js';

/** The previousHash of a chain's first record: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a record's hash is computed, in words, for exports: a third party recomputes every hash
 * from this alone. Keep it in step with hashAccessRecord (a test recomputes hashes from it).
 */
export const ACCESS_RECORD_HASH_RULE = {
  algorithm: 'SHA-256 over the UTF-8 bytes of canonical JSON, written as 64 lower-case hex digits',
  subjectDigest: 'the hash of the canonical JSON of {salt, kind, id, fields [{field, decision}]} of one subject',
  input:
    'a JSON object with exactly these keys: chain, seq, previousHash, at, requestId, correlationId, department, ' +
    'caller {kind, sub, roles, azp}, purpose, policy, subjects (the list of subject digests, in record order), denied [{field, count}]; ' +
    'arrays keep their order',
  canonicalJson:
    'RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units at every level, no whitespace, ' +
    'strings escaped as ECMAScript JSON.stringify does, integers in plain decimal',
  chain: `each record's previousHash is the hash of the record of the same chain with seq one lower; a chain's first record (seq 1) has previousHash ${GENESIS_HASH}`,
} as const;

/** The digest standing for one subject in its record's hash: an export shows others' subjects only by it. */
export function digestSubjectAccess(subject: StoredSubjectAccess): string {
  const body = {
    salt: subject.salt,
    kind: subject.kind,
    id: subject.id,
    fields: subject.fields.map(({ field, decision }) => ({ field, decision })),
  };
  return sha256(canonicalJson(body));
}

/** A record's hash from its subjects' digests: what an export of one subject's records can recompute. */
export function hashAccessRecordWithDigests(
  record: Omit<AccessRecord, 'hash' | 'subjects'>,
  subjectDigests: readonly string[],
): string {
  const { chain, seq, previousHash, at, requestId, correlationId, department, caller, purpose, policy, denied } =
    record;
  // Properties are picked by name, so nothing else on the object can change the hash.
  const body = {
    chain,
    seq,
    previousHash,
    at,
    requestId,
    correlationId,
    department,
    caller: { kind: caller.kind, sub: caller.sub, roles: caller.roles, azp: caller.azp },
    purpose,
    policy,
    subjects: [...subjectDigests],
    denied: denied.map(({ field, count }) => ({ field, count })),
  };
  return sha256(canonicalJson(body));
}

/** The hash of a record: SHA-256 (hex) of the canonical JSON of everything in it but the hash. */
export function hashAccessRecord(record: Omit<AccessRecord, 'hash'>): string {
  return hashAccessRecordWithDigests(record, record.subjects.map(digestSubjectAccess));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
