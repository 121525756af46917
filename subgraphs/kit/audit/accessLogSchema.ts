import { GENESIS_HASH } from './hashAccessRecord.js';

/**
 * The access log's tables, the same on both back ends but for the seq type (SQLite's INTEGER
 * PRIMARY KEY is the rowid; PostgreSQL needs BIGINT). Every statement is idempotent, so each
 * process runs them at start; the callers serialise that (a write lock, an advisory lock).
 *
 * - access_log: one row per record, seq its place in the chain; lists as JSON text.
 * - access_log_by_subject: readBySubject's index, newest first.
 * - access_log_head: one row (id 1) with the last seq and hash. An append locks it, so
 *   concurrent writers take turns; verifyAccessLog compares it with the last record, which
 *   catches a truncated tail or rows inserted without going through the store.
 */
export function accessLogSchema(dialect: 'sqlite' | 'postgres'): string[] {
  const seqType = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    `CREATE TABLE IF NOT EXISTS access_log (
      seq ${seqType} PRIMARY KEY,
      previous_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      at TEXT NOT NULL,
      request_id TEXT NOT NULL,
      department TEXT NOT NULL,
      caller_kind TEXT NOT NULL,
      caller_sub TEXT,
      caller_roles TEXT NOT NULL,
      caller_azp TEXT,
      purpose TEXT,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      fields TEXT NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS access_log_by_subject ON access_log (subject_kind, subject_id, seq DESC)',
    `CREATE TABLE IF NOT EXISTS access_log_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_seq ${seqType} NOT NULL,
      last_hash TEXT NOT NULL
    )`,
    `INSERT INTO access_log_head (id, last_seq, last_hash) VALUES (1, 0, '${GENESIS_HASH}') ON CONFLICT (id) DO NOTHING`,
  ];
}
