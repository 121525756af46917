import type { LegacyAccessRecord } from '../AccessLogStore.js';
import { GENESIS_HASH } from '../hashAccessRecord.js';
import { hashLegacyAccessRecord } from '../legacyAccessLog.js';

/** SQL for a literal value (tests only: the values are the tests' own). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * SQL that writes a log as format 1 did (before issue 10): its two tables and `records`, one per
 * subject, chained in one chain. For the tests that read and verify older logs.
 */
export function formatOneLogSql(
  records: ReadonlyArray<Omit<LegacyAccessRecord, 'seq' | 'previousHash' | 'hash'>>,
): string {
  const statements = [
    `CREATE TABLE access_log (seq BIGINT PRIMARY KEY, previous_hash TEXT NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL, request_id TEXT NOT NULL,
      department TEXT NOT NULL, caller_kind TEXT NOT NULL, caller_sub TEXT, caller_roles TEXT NOT NULL, caller_azp TEXT, purpose TEXT,
      subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, fields TEXT NOT NULL)`,
    'CREATE TABLE access_log_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL, last_hash TEXT NOT NULL)',
  ];
  let previousHash = GENESIS_HASH;
  records.forEach((entry, i) => {
    const unhashed = { ...entry, seq: i + 1, previousHash };
    const hash = hashLegacyAccessRecord(unhashed);
    const values = [
      unhashed.seq,
      previousHash,
      hash,
      entry.at,
      entry.requestId,
      entry.department,
      entry.caller.kind,
      entry.caller.sub,
      JSON.stringify(entry.caller.roles),
      entry.caller.azp,
      entry.purpose,
      entry.subject.kind,
      entry.subject.id,
      JSON.stringify(entry.fields),
    ];
    statements.push(`INSERT INTO access_log VALUES (${values.map(sqlLiteral).join(', ')})`);
    previousHash = hash;
  });
  statements.push(`INSERT INTO access_log_head VALUES (1, ${records.length}, ${sqlLiteral(previousHash)})`);
  return statements.join(';\n');
}
