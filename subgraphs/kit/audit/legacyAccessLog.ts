import type { LegacyAccessLog, LegacyAccessRecord } from './AccessLogStore.js';
import { canonicalJson } from '../../../core/index.js';
import { GENESIS_HASH, sha256 } from './hashAccessRecord.js';
import type { SqlDriver } from './SqlDriver.js';
import { columnReader } from './columnReader.js';
import { UnreadableAccessRecordError } from './UnreadableAccessRecordError.js';

/** The chain name format-1 records are reported under. */
export const LEGACY_CHAIN = 'v1';

/** Format 1's hash rule, for exports of its records (docs/access-log.md, "Older logs"). */
export const LEGACY_ACCESS_RECORD_HASH_RULE = {
  algorithm: 'SHA-256 over the UTF-8 bytes of the canonical JSON below, written as 64 lower-case hex digits',
  input:
    'a JSON object with exactly these keys: seq, previousHash, at, requestId, department, caller {kind, sub, roles, azp}, purpose, subject {kind, id}, fields [{field, decision}]; arrays keep their order',
  canonicalJson: 'RFC 8785 (JSON Canonicalization Scheme)',
  chain: `one chain for the whole log: each record's previousHash is the hash of the record with seq one lower; the first has ${GENESIS_HASH}`,
} as const;

/** The hash of a format-1 record (one subject per record, one chain per log). */
export function hashLegacyAccessRecord(record: Omit<LegacyAccessRecord, 'hash'>): string {
  const { seq, previousHash, at, requestId, department, caller, purpose, subject, fields } = record;
  return sha256(
    canonicalJson({
      seq,
      previousHash,
      at,
      requestId,
      department,
      caller: { kind: caller.kind, sub: caller.sub, roles: caller.roles, azp: caller.azp },
      purpose,
      subject: { kind: subject.kind, id: subject.id },
      fields: fields.map(({ field, decision }) => ({ field, decision })),
    }),
  );
}

const READ_BATCH = 1000;

/**
 * The format-1 tables of a log written before format 2 (access_log, access_log_head), read-only:
 * they are verified as the chain "v1" and their records stay in every subject's view. Null when
 * the log never had them.
 */
export async function openLegacyAccessLog(driver: SqlDriver): Promise<LegacyAccessLog | null> {
  if (!(await driver.hasTable('access_log')) || !(await driver.hasTable('access_log_head'))) return null;
  return {
    async readHead() {
      const [head] = await driver.all<{ seq: unknown; hash: unknown }>(
        'SELECT last_seq AS seq, last_hash AS hash FROM access_log_head WHERE id = 1',
      );
      if (!head) throw new Error('the format-1 access log has no head row');
      return { seq: Number(head.seq), hash: String(head.hash) };
    },
    async *readAll(range) {
      let afterSeq = range?.afterSeq ?? 0;
      const throughSeq = range?.throughSeq ?? Number.MAX_SAFE_INTEGER;
      for (;;) {
        const rows = await driver.all<Record<string, unknown>>(
          'SELECT * FROM access_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
          [afterSeq, throughSeq, READ_BATCH],
        );
        for (const row of rows) yield fromLegacyRow(row);
        if (rows.length < READ_BATCH) return;
        afterSeq = Number(rows.at(-1)!.seq);
      }
    },
    async *readSubject(subject) {
      let afterSeq = 0;
      for (;;) {
        const rows = await driver.all<Record<string, unknown>>(
          'SELECT * FROM access_log WHERE subject_kind = ? AND subject_id = ? AND seq > ? ORDER BY seq LIMIT ?',
          [subject.kind, subject.id.toUpperCase(), afterSeq, READ_BATCH],
        );
        for (const row of rows) yield fromLegacyRow(row);
        if (rows.length < READ_BATCH) return;
        afterSeq = Number(rows.at(-1)!.seq);
      }
    },
  };
}

/** A format-1 row decoded strictly (see fromAccessRecordRow). */
export function fromLegacyRow(row: Record<string, unknown>): LegacyAccessRecord {
  const seq = Number(row.seq);
  const fail = (problem: string): never => {
    throw new UnreadableAccessRecordError(LEGACY_CHAIN, seq, problem);
  };
  const { text, optionalText, json, caller } = columnReader(row, fail);
  const fields = json('fields');
  const isField = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).sort().join() === 'decision,field' &&
    typeof (value as { field: unknown }).field === 'string';
  if (!Array.isArray(fields) || !fields.every(isField)) fail('fields is not a list of {field, decision}');
  const subjectKind = text('subject_kind');
  if (subjectKind !== 'person' && subjectKind !== 'company') fail('subject_kind is not person or company');
  return {
    seq,
    previousHash: text('previous_hash'),
    hash: text('hash'),
    at: text('at'),
    requestId: text('request_id'),
    department: text('department'),
    caller: caller(),
    purpose: optionalText('purpose'),
    subject: { kind: subjectKind as 'person' | 'company', id: text('subject_id') },
    fields: fields as LegacyAccessRecord['fields'],
  };
}
