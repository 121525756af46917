import { resolve } from 'node:path';
import type { AccessRecord } from '../../record/AccessEntry.js';
import type { NormalizedAccessEntry } from '../../record/normalizeAccessEntry.js';
import { chainOnto, createChainRow, readChainHead } from '../chainRecords.js';
import { ACCESS_RECORD_COLUMNS } from '../../sql/accessLogSchema.js';
import { toAccessRecordRow } from '../../sql/accessRecordRow.js';
import type { SqlDriver, SqlExecutor } from '../../sql/SqlDriver.js';
import { openSqliteDriver } from './sqliteDriver.js';
import type { ChainWriter, ChainWriterContext, StoreBackend } from './StoreBackend.js';

/**
 * Rows per subject-index INSERT, largest first: a group's index rows go in statements of exactly
 * these sizes (e.g. 100 rows: 64, 8 × 4, 1 × 4), so three statement texts are prepared once per
 * driver instead of a new text, prepared again, for every row count.
 */
const INDEX_ROWS_PER_INSERT = [64, 8, 1] as const;
const INSERT_RECORD = `INSERT INTO access_records (${ACCESS_RECORD_COLUMNS.join(', ')}) VALUES (${ACCESS_RECORD_COLUMNS.map(() => '?').join(', ')}) RETURNING id`;
const INSERT_INDEX_ROWS = new Map(
  INDEX_ROWS_PER_INSERT.map((rows) => [
    rows,
    `INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}`,
  ]),
);

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
    const index: unknown[] = [];
    for (const record of records) {
      // One prepared statement, one row each: in-process, a statement costs no round trip.
      const [row] = await tx.all<{ id: unknown }>(INSERT_RECORD, toAccessRecordRow(record));
      for (const subject of record.subjects) index.push(subject.kind, subject.id, Number(row!.id));
    }
    await insertIndexRows(tx, index);
    const last = records.at(-1)!;
    const moved = await tx.run(
      'UPDATE access_chains SET last_seq = ?, last_hash = ? WHERE chain = ? AND last_seq = ?',
      [last.seq, last.hash, chain, head.seq],
    );
    if (moved !== 1) throw new Error(`the head of chain ${chain} moved during the append`);
    return records;
  };
  return {
    // Two groups at once: the next is committed while the last one's WAL sync runs (the driver's
    // queue keeps their order; each reads the head in its own transaction, so a group that
    // failed leaves the next one chained onto what is really there).
    concurrency: 2,
    async write(entries) {
      const records = await driver.transaction((tx) => writeGroup(tx, entries));
      chainRowMade = true;
      return records;
    },
  };
}

/** The subject index's rows (kind, id, record id, flat) in statements of INDEX_ROWS_PER_INSERT rows. */
async function insertIndexRows(tx: SqlExecutor, values: readonly unknown[]): Promise<void> {
  let at = 0;
  for (const rows of INDEX_ROWS_PER_INSERT) {
    const width = rows * 3;
    for (; values.length - at >= width; at += width)
      await tx.run(INSERT_INDEX_ROWS.get(rows)!, values.slice(at, at + width));
  }
}
