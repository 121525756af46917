import type { AccessCaller, AccessRecord, FieldDecision } from './AccessEntry.js';
import { UnreadableAccessRecordError } from './UnreadableAccessRecordError.js';

/**
 * A record as both back ends store it (accessLogSchema): scalar columns, with the lists (roles,
 * fields) as JSON text. Text rather than jsonb on PostgreSQL too, so both schemas are the same
 * and what is read back is exactly what was written.
 */
export interface AccessLogRow {
  seq: number | string | bigint;
  previous_hash: unknown;
  hash: unknown;
  at: unknown;
  request_id: unknown;
  department: unknown;
  caller_kind: unknown;
  caller_sub: unknown;
  caller_roles: unknown;
  caller_azp: unknown;
  purpose: unknown;
  subject_kind: unknown;
  subject_id: unknown;
  fields: unknown;
}

/** Column order for inserts; both back ends bind toAccessLogRow's values in this order. */
export const ACCESS_LOG_COLUMNS = [
  'seq',
  'previous_hash',
  'hash',
  'at',
  'request_id',
  'department',
  'caller_kind',
  'caller_sub',
  'caller_roles',
  'caller_azp',
  'purpose',
  'subject_kind',
  'subject_id',
  'fields',
] as const;

export function toAccessLogRow(record: AccessRecord): unknown[] {
  return [
    record.seq,
    record.previousHash,
    record.hash,
    record.at,
    record.requestId,
    record.department,
    record.caller.kind,
    record.caller.sub,
    JSON.stringify(record.caller.roles),
    record.caller.azp,
    record.purpose,
    record.subject.kind,
    record.subject.id,
    JSON.stringify(record.fields),
  ];
}

/**
 * The record a row holds, decoded strictly: the log may have been edited by hand, and anything
 * that is not exactly what the store writes must surface in verification, not crash it or be
 * smoothed over. Throws UnreadableAccessRecordError.
 */
export function fromAccessLogRow(row: AccessLogRow): AccessRecord {
  const seq = Number(row.seq);
  const fail = (problem: string): never => {
    throw new UnreadableAccessRecordError(seq, problem);
  };
  const text = (value: unknown, column: string): string => (typeof value === 'string' ? value : fail(`${column} is not text`));
  const optionalText = (value: unknown, column: string): string | null => (value === null ? null : text(value, column));
  const json = (value: unknown, column: string): unknown => {
    try {
      return JSON.parse(text(value, column));
    } catch (error) {
      return error instanceof UnreadableAccessRecordError ? fail(error.message) : fail(`${column} is not JSON`);
    }
  };

  const roles = json(row.caller_roles, 'caller_roles');
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) fail('caller_roles is not a list of names');
  const fields = json(row.fields, 'fields');
  if (!Array.isArray(fields) || !fields.every(isFieldDecision)) fail('fields is not a list of {field, decision}');
  const subjectKind = text(row.subject_kind, 'subject_kind');
  if (subjectKind !== 'person' && subjectKind !== 'company') fail('subject_kind is not person or company');

  return {
    seq,
    previousHash: text(row.previous_hash, 'previous_hash'),
    hash: text(row.hash, 'hash'),
    at: text(row.at, 'at'),
    requestId: text(row.request_id, 'request_id'),
    department: text(row.department, 'department'),
    caller: {
      kind: text(row.caller_kind, 'caller_kind') as AccessCaller['kind'],
      sub: optionalText(row.caller_sub, 'caller_sub'),
      roles: roles as string[],
      azp: optionalText(row.caller_azp, 'caller_azp'),
    },
    purpose: optionalText(row.purpose, 'purpose'),
    subject: { kind: subjectKind as 'person' | 'company', id: text(row.subject_id, 'subject_id') },
    fields: fields as FieldDecision[],
  };
}

function isFieldDecision(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  const { field, decision } = value as Record<string, unknown>;
  return keys.length === 2 && keys[0] === 'decision' && keys[1] === 'field' && typeof field === 'string' && typeof decision === 'string';
}
