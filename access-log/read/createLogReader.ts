import { canonicalId } from '../../core/ids.js';
import { fromAccessRecordRow, type AccessRecordRow } from '../sql/accessRecordRow.js';
import type { SqlExecutor } from '../sql/SqlDriver.js';
import type { AccessLogReader, ChainHead, PolicyVersion, StoredCheckpoint } from './AccessLogReader.js';
import { readSubjectPage } from './readSubjectPage.js';

/** Rows per round trip when walking the whole log: large enough to be quick, small enough to hold. */
const READ_BATCH = 1000;

/**
 * The log's readers over any backend's database: written once in SQL with `?` placeholders
 * (sql/SqlDriver.ts). The walks fetch in batches after the last id seen, so they hold little and
 * are safe while writers keep appending.
 */
export function createLogReader(executor: SqlExecutor): AccessLogReader {
  return {
    readBySubject: (subject, page) => readSubjectPage(executor, subject, page),

    async *readSubjectRecords(subject) {
      let afterId = 0;
      for (;;) {
        const rows = await executor.all<AccessRecordRow>(
          `SELECT r.* FROM access_record_subjects s JOIN access_records r ON r.id = s.record_id
           WHERE s.subject_kind = ? AND s.subject_id = ? AND s.record_id > ? ORDER BY s.record_id LIMIT ?`,
          [subject.kind, canonicalId(subject.id), afterId, READ_BATCH],
        );
        for (const row of rows) yield fromAccessRecordRow(row);
        if (rows.length < READ_BATCH) return;
        afterId = Number(rows.at(-1)!.id);
      }
    },

    async *readAll(range) {
      let afterId = range?.afterId ?? 0;
      for (;;) {
        const rows = await executor.all<AccessRecordRow>(
          'SELECT * FROM access_records WHERE id > ? ORDER BY id LIMIT ?',
          [afterId, READ_BATCH],
        );
        for (const row of rows) yield fromAccessRecordRow(row);
        if (rows.length < READ_BATCH) return;
        afterId = Number(rows.at(-1)!.id);
      }
    },

    async *readSubjectIndex() {
      let after: [number, string, string] = [0, '', ''];
      for (;;) {
        const rows = await executor.all<{ record_id: unknown; subject_kind: string; subject_id: string }>(
          `SELECT record_id, subject_kind, subject_id FROM access_record_subjects
           WHERE record_id > ? OR (record_id = ? AND (subject_kind > ? OR (subject_kind = ? AND subject_id > ?)))
           ORDER BY record_id, subject_kind, subject_id LIMIT ?`,
          [after[0], after[0], after[1], after[1], after[2], READ_BATCH],
        );
        for (const row of rows) yield { recordId: Number(row.record_id), kind: row.subject_kind, id: row.subject_id };
        if (rows.length < READ_BATCH) return;
        const last = rows.at(-1)!;
        after = [Number(last.record_id), last.subject_kind, last.subject_id];
      }
    },

    async readChains(): Promise<ChainHead[]> {
      const rows = await executor.all<{ chain: string; seq: unknown; hash: string }>(
        'SELECT chain, last_seq AS seq, last_hash AS hash FROM access_chains ORDER BY chain',
      );
      return rows.map((row) => ({ chain: row.chain, seq: Number(row.seq), hash: row.hash }));
    },

    async readPolicies(hashes): Promise<PolicyVersion[]> {
      if (hashes.length === 0) return [];
      const rows = await executor.all<PolicyVersion>(
        `SELECT hash, department, document FROM access_policies WHERE hash IN (${hashes.map(() => '?').join(', ')})`,
        [...hashes],
      );
      return rows.map(({ hash, department, document }) => ({ hash, department, document }));
    },

    readCheckpoints: () => executor.all<StoredCheckpoint>('SELECT at, jws FROM access_checkpoints ORDER BY id'),
  };
}
