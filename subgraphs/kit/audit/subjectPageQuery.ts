import { canonicalId } from '../ids.js';
import type { AccessSubject } from './AccessEntry.js';
import { MAX_ACCESS_LOG_PAGE, type AccessLogPage, type AccessLogPageRequest } from './AccessLogStore.js';
import { accessLogCursor } from './accessLogCursor.js';
import { fromAccessLogRow, type AccessLogRow } from './accessLogRow.js';
import { toUtcTimestamp } from './toUtcTimestamp.js';

export interface SubjectPageQuery {
  sql: string;
  params: unknown[];
  /** Turns the rows the query returned into the page (it asks for one extra row to learn hasNextPage). */
  toPage(rows: readonly AccessLogRow[]): AccessLogPage;
}

/**
 * The one query behind readBySubject on both back ends, with the page request checked first
 * (RangeError for a bad size, cursor or timestamp). `placeholder(n)` writes the n-th (1-based)
 * parameter in the back end's style: `?` for SQLite, `$n` for PostgreSQL.
 */
export function subjectPageQuery(subject: AccessSubject, page: AccessLogPageRequest, placeholder: (n: number) => string): SubjectPageQuery {
  const { first } = page;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ACCESS_LOG_PAGE) {
    throw new RangeError(`first must be a whole number from 1 to ${MAX_ACCESS_LOG_PAGE}`);
  }
  if (subject.kind !== 'person' && subject.kind !== 'company') throw new RangeError('subject.kind is person or company');
  if (typeof subject.id !== 'string' || subject.id.length === 0) throw new RangeError('subject.id is required');

  const params: unknown[] = [subject.kind, canonicalId(subject.id)];
  const conditions = [`subject_kind = ${placeholder(1)}`, `subject_id = ${placeholder(2)}`];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(`${condition} ${placeholder(params.length)}`);
  };
  if (page.after) add('seq <', accessLogCursor.decode(page.after));
  if (page.from) add('at >=', toUtcTimestamp(page.from, 'from'));
  if (page.to) add('at <', toUtcTimestamp(page.to, 'to'));
  params.push(first + 1);
  const sql = `SELECT * FROM access_log WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ${placeholder(params.length)}`;

  return {
    sql,
    params,
    toPage(rows) {
      const records = rows.slice(0, first).map(fromAccessLogRow);
      const last = records.at(-1);
      return { records, endCursor: last ? accessLogCursor.encode(last.seq) : null, hasNextPage: rows.length > first };
    },
  };
}
