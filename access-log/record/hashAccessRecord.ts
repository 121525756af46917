import { hash } from 'node:crypto';
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

/**
 * A string or null as canonical JSON: RFC 8785 writes strings as JSON.stringify does, which is
 * what canonicalJson does too. Anything else (a row edited by hand, read for verification) goes
 * through canonicalJson, which gives the same text or throws as before.
 */
function text(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : canonicalJson(value);
}

function list<T>(values: unknown, item: (value: T) => string): string {
  return Array.isArray(values) ? `[${(values as T[]).map(item).join(',')}]` : canonicalJson(values);
}

/**
 * The digest standing for one subject in its record's hash: an export shows others' subjects only
 * by it. The shape is fixed, so its canonical JSON is written out with the keys already in RFC 8785
 * order (fields, id, kind, salt; decision, field) rather than sorted per object: the same bytes as
 * canonicalJson of {salt, kind, id, fields}, so every stored hash still recomputes (a test holds
 * the two equal).
 */
export function digestSubjectAccess(subject: StoredSubjectAccess): string {
  const fields = list<{ field: unknown; decision: unknown }>(
    subject.fields,
    (item) => `{"decision":${text(item.decision)},"field":${text(item.field)}}`,
  );
  return sha256(
    `{"fields":${fields},"id":${text(subject.id)},"kind":${text(subject.kind)},"salt":${text(subject.salt)}}`,
  );
}

/**
 * A record's hash from its subjects' digests: what an export of one subject's records can
 * recompute. Written out in canonical key order, as digestSubjectAccess (same bytes as
 * canonicalJson of the body ACCESS_RECORD_HASH_RULE names); properties are picked by name, so
 * nothing else on the object can change the hash.
 */
export function hashAccessRecordWithDigests(
  record: Omit<AccessRecord, 'hash' | 'subjects'>,
  subjectDigests: readonly string[],
): string {
  const { chain, seq, previousHash, at, requestId, correlationId, department, caller, purpose, policy, denied } =
    record;
  const callerJson = `{"azp":${text(caller.azp)},"kind":${text(caller.kind)},"roles":${list(caller.roles, text)},"sub":${text(caller.sub)}}`;
  const deniedJson = list<{ field: unknown; count: unknown }>(
    denied,
    (item) => `{"count":${canonicalJson(item.count)},"field":${text(item.field)}}`,
  );
  return sha256(
    `{"at":${text(at)},"caller":${callerJson},"chain":${text(chain)},"correlationId":${text(correlationId)},` +
      `"denied":${deniedJson},"department":${text(department)},"policy":${text(policy)},` +
      `"previousHash":${text(previousHash)},"purpose":${text(purpose)},"requestId":${text(requestId)},` +
      `"seq":${canonicalJson(seq)},"subjects":${list(subjectDigests, text)}}`,
  );
}

/** The hash of a record: SHA-256 (hex) of the canonical JSON of everything in it but the hash. */
export function hashAccessRecord(record: Omit<AccessRecord, 'hash'>): string {
  return hashAccessRecordWithDigests(record, record.subjects.map(digestSubjectAccess));
}

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
