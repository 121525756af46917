import { canonicalId } from '../../core/ids.js';
import type { AccessRecord, AccessSubject, SubjectAccessRecord } from '../record/AccessEntry.js';
import { toUtcTimestamp } from '../record/toUtcTimestamp.js';
import { fromAccessRecordRow, type AccessRecordRow } from '../sql/accessRecordRow.js';
import type { SqlExecutor } from '../sql/SqlDriver.js';
import { MAX_ACCESS_LOG_PAGE, type AccessLogPage, type AccessLogPageRequest } from './AccessLogReader.js';

/** Page cursors: the id of a page's last record, base64url-encoded so clients treat it as opaque. */
function encodeCursor(id: number): string {
  return Buffer.from(`r:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^r:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const value = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(value)) throw new RangeError('after is not a cursor from this access log');
  return value;
}

/**
 * One page of a subject's records, newest first, through the subject index, each as it concerns
 * that subject (AccessLogStore.readBySubject). Checks the request first (RangeError).
 */
export async function readSubjectPage(
  executor: SqlExecutor,
  subject: AccessSubject,
  page: AccessLogPageRequest,
): Promise<AccessLogPage> {
  const { first } = page;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ACCESS_LOG_PAGE)
    throw new RangeError(`first must be a whole number from 1 to ${MAX_ACCESS_LOG_PAGE}`);
  if (subject.kind !== 'person' && subject.kind !== 'company')
    throw new RangeError('subject.kind is person or company');
  if (typeof subject.id !== 'string' || subject.id.length === 0) throw new RangeError('subject.id is required');
  const id = canonicalId(subject.id);
  const after = page.after ? decodeCursor(page.after) : null;
  const from = page.from ? toUtcTimestamp(page.from, 'from') : null;
  const to = page.to ? toUtcTimestamp(page.to, 'to') : null;

  const where = new WhereClause('s.subject_kind = ? AND s.subject_id = ?', [subject.kind, id]);
  if (after) where.and('s.record_id < ?', after);
  if (from) where.and('r.at >= ?', from);
  if (to) where.and('r.at < ?', to);
  const rows = await executor.all<AccessRecordRow>(
    `SELECT r.* FROM access_record_subjects s JOIN access_records r ON r.id = s.record_id WHERE ${where.sql} ORDER BY s.record_id DESC LIMIT ?`,
    [...where.params, first + 1],
  );
  const found = rows.map((row) => {
    const record = fromAccessRecordRow(row);
    const own = record.subjects.find((entry) => entry.kind === subject.kind && entry.id === id);
    return {
      ...viewOf(record),
      id: record.id,
      subject: { kind: subject.kind, id },
      fields: own ? own.fields.map(({ field, decision }) => ({ field, decision })) : [],
    };
  });
  const shown = found.slice(0, first);
  const last = shown.at(-1);
  return {
    records: shown.map(({ id: _id, ...record }): SubjectAccessRecord => record),
    endCursor: last ? encodeCursor(last.id) : null,
    hasNextPage: found.length > first,
  };
}

/** Conditions joined with AND, and their parameters in order. */
class WhereClause {
  constructor(
    public sql: string,
    readonly params: unknown[],
  ) {}

  and(condition: string, value: unknown): void {
    this.sql += ` AND ${condition}`;
    this.params.push(value);
  }
}

function viewOf(record: AccessRecord): Omit<SubjectAccessRecord, 'subject' | 'fields'> {
  const { chain, seq, hash, at, requestId, correlationId, department, caller, purpose, policy } = record;
  return { chain, seq, hash, at, requestId, correlationId, department, caller, purpose, policy };
}
