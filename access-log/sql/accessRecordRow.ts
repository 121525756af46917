import type { AccessRecord, DeniedCount, StoredSubjectAccess } from '../record/AccessEntry.js';
import { columnReader } from './columnReader.js';
import { UnreadableAccessRecordError } from '../record/UnreadableAccessRecordError.js';

/** A record row as both back ends return it; every value is checked before use. */
export type AccessRecordRow = Record<string, unknown> & { id: number | string | bigint };

export function toAccessRecordRow(record: AccessRecord): unknown[] {
  return [
    record.chain,
    record.seq,
    record.previousHash,
    record.hash,
    record.at,
    record.requestId,
    record.correlationId,
    record.department,
    record.caller.kind,
    record.caller.sub,
    JSON.stringify(record.caller.roles),
    record.caller.azp,
    record.purpose,
    record.policy,
    JSON.stringify(record.subjects),
    JSON.stringify(record.denied),
  ];
}

/**
 * The record a row holds, decoded strictly: the log may have been edited by hand, and anything
 * that is not exactly what the store writes must surface in verification, not crash it or be
 * smoothed over. Throws UnreadableAccessRecordError.
 */
export function fromAccessRecordRow(row: AccessRecordRow): AccessRecord & { id: number } {
  const seq = Number(row.seq);
  const chain = typeof row.chain === 'string' ? row.chain : '?';
  const fail = (problem: string): never => {
    throw new UnreadableAccessRecordError(chain, seq, problem);
  };
  const { text, optionalText, json, caller } = columnReader(row, fail);

  const subjects = json('subjects');
  if (!Array.isArray(subjects) || !subjects.every(isStoredSubject))
    fail('subjects is not a list of {kind, id, fields, salt}');
  const denied = json('denied');
  if (!Array.isArray(denied) || !denied.every(isDeniedCount)) fail('denied is not a list of {field, count}');
  if (!Number.isSafeInteger(seq) || seq < 1) fail('seq is not a whole number from 1');

  return {
    id: Number(row.id),
    chain: text('chain'),
    seq,
    previousHash: text('previous_hash'),
    hash: text('hash'),
    at: text('at'),
    requestId: text('request_id'),
    correlationId: optionalText('correlation_id'),
    department: text('department'),
    caller: caller(),
    purpose: optionalText('purpose'),
    policy: optionalText('policy'),
    subjects: subjects as StoredSubjectAccess[],
    denied: denied as DeniedCount[],
  };
}

function hasExactly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const own = Object.keys(value).sort();
  return own.length === keys.length && [...keys].sort().every((key, i) => own[i] === key);
}

function isStoredSubject(value: unknown): boolean {
  if (!hasExactly(value, ['kind', 'id', 'fields', 'salt'])) return false;
  const { kind, id, fields, salt } = value;
  return (
    (kind === 'person' || kind === 'company') &&
    typeof id === 'string' &&
    typeof salt === 'string' &&
    Array.isArray(fields) &&
    fields.every(
      (field) =>
        hasExactly(field, ['field', 'decision']) &&
        typeof field.field === 'string' &&
        typeof field.decision === 'string',
    )
  );
}

function isDeniedCount(value: unknown): boolean {
  return hasExactly(value, ['field', 'count']) && typeof value.field === 'string' && Number.isSafeInteger(value.count);
}
