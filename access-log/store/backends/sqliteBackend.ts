import { resolve } from 'node:path';
import type { AccessRecord } from '../../record/AccessEntry.js';
import type { NormalizedAccessEntry } from '../../record/normalizeAccessEntry.js';
import { chainOnto, createChainRow, readChainHead } from '../chainRecords.js';
import { ACCESS_RECORD_COLUMNS } from '../../sql/accessLogSchema.js';
import { toAccessRecordRow } from '../../sql/accessRecordRow.js';
import type { SqlDriver, SqlExecutor } from '../../sql/SqlDriver.js';
import { openSqliteDriver } from './sqliteDriver.js';
import type { ChainWriter, ChainWriterContext, StoreBackend } from './StoreBackend.js';

/** Rows per multi-row INSERT (SQLite binds at most 32,766 parameters per statement). */
const ROWS_PER_INSERT = 1000;

/**
 * SQLite, the single-machine default: `sqlite:/path/file.db` (also `sqlite:///path/file.db`), or
 * a plain path, which storeBackends.ts hands here too.
 */
export const sqliteBackend: StoreBackend<{ kind: 'sqlite'; file: string }> = {
  kind: 'sqlite',
  forms: ['sqlite:/path/file.db', 'a file path'],
  locate(url) {
    if (!/^sqlite:/i.test(url)) return null;
    // sqlite:/abs/file.db and sqlite:///abs/file.db both name /abs/file.db.
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new Error('AUDIT_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:/var/lib/city-graph/access-log.db');
    return { kind: 'sqlite', file: resolve(path) };
  },
  open: async (location, options) => openSqliteDriver(location.file, options),
  createWriter: sqliteChainWriter,
};

/**
 * SQLite: the group in one write transaction (BEGIN IMMEDIATE already holds the file's write
 * lock), statement by statement: in-process, there are no round trips to save.
 */
function sqliteChainWriter(driver: SqlDriver, { chain, newPolicyVersions }: ChainWriterContext): ChainWriter {
  let chainRowMade = false;
  const writeGroup = async (tx: SqlExecutor, entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]> => {
    if (!chainRowMade) await createChainRow(tx, chain);
    const head = await readChainHead(tx, chain);
    const records = chainOnto(chain, head, entries);
    for (const version of newPolicyVersions(records)) {
      await tx.run(
        'INSERT INTO access_policies (hash, department, document, first_used) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING',
        [version.hash, version.department, version.document, new Date().toISOString()],
      );
    }
    const ids = await insertRecords(tx, records);
    const index = records.flatMap((record, i) => record.subjects.map((subject) => [subject.kind, subject.id, ids[i]!]));
    for (let start = 0; start < index.length; start += ROWS_PER_INSERT) {
      const rows = index.slice(start, start + ROWS_PER_INSERT);
      await tx.run(
        `INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }
    const last = records.at(-1)!;
    const moved = await tx.run(
      'UPDATE access_chains SET last_seq = ?, last_hash = ? WHERE chain = ? AND last_seq = ?',
      [last.seq, last.hash, chain, head.seq],
    );
    if (moved !== 1) throw new Error(`the head of chain ${chain} moved during the append`);
    return records;
  };
  return {
    async write(entries) {
      const records = await driver.transaction((tx) => writeGroup(tx, entries));
      chainRowMade = true;
      return records;
    },
  };
}

/** Inserts the records; each one's row id (the order of writing), for the subject index. */
async function insertRecords(tx: SqlExecutor, records: readonly AccessRecord[]): Promise<number[]> {
  const columns = ACCESS_RECORD_COLUMNS.join(', ');
  const placeholders = `(${ACCESS_RECORD_COLUMNS.map(() => '?').join(', ')})`;
  const ids: number[] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
    const slice = records.slice(start, start + ROWS_PER_INSERT);
    // RETURNING gives each row's id for the subject index; matched by seq.
    const rows = await tx.all<{ id: unknown; seq: unknown }>(
      `INSERT INTO access_records (${columns}) VALUES ${slice.map(() => placeholders).join(', ')} RETURNING id, seq`,
      slice.flatMap(toAccessRecordRow),
    );
    const idOfSeq = new Map(rows.map((row) => [Number(row.seq), Number(row.id)]));
    ids.push(...slice.map((record) => idOfSeq.get(record.seq)!));
  }
  return ids;
}
