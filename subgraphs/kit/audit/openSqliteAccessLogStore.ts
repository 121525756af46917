import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AccessEntry } from './AccessEntry.js';
import type { AccessLogHead, AccessLogStore } from './AccessLogStore.js';
import { ACCESS_LOG_COLUMNS, toAccessLogRow, type AccessLogRow } from './accessLogRow.js';
import { accessLogSchema } from './accessLogSchema.js';
import { chainAccessEntries } from './chainAccessEntries.js';
import { normalizeAccessEntry } from './normalizeAccessEntry.js';
import { readAccessLogInBatches } from './readAccessLogInBatches.js';
import { subjectPageQuery } from './subjectPageQuery.js';

/**
 * How long a writer waits for another process's write transaction before append fails. Several
 * subgraphs share the one file, and an append takes well under a millisecond, so a wait this long
 * only ends in failure when something is truly stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface SqliteAccessLogOptions {
  /** false: fail if the file or its tables are missing (the tools must not conjure an empty log). */
  create?: boolean;
  busyTimeoutMs?: number;
}

/**
 * The access log in one SQLite file (the embedded default). WAL lets readers run beside the one
 * writer; `synchronous = FULL` makes every commit durable before append resolves, which "no
 * record, no data" needs. Each append is one BEGIN IMMEDIATE transaction that takes the write
 * lock first, then reads the head, inserts and moves the head, so writers in several processes
 * queue on the lock (busy_timeout) and never chain onto the same head.
 */
export function openSqliteAccessLogStore(file: string, options: SqliteAccessLogOptions = {}): AccessLogStore {
  const create = options.create ?? true;
  if (create) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, { fileMustExist: !create, timeout: options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (create) {
      // IMMEDIATE: two processes starting on a new file take turns instead of racing the DDL.
      db.transaction(() => {
        for (const statement of accessLogSchema('sqlite')) db.exec(statement);
      }).immediate();
    } else if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'access_log_head'").get()) {
      throw new Error(`${file} holds no access log`);
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const insert = db.prepare(
    `INSERT INTO access_log (${ACCESS_LOG_COLUMNS.join(', ')}) VALUES (${ACCESS_LOG_COLUMNS.map(() => '?').join(', ')})`,
  );
  const selectHead = db.prepare('SELECT last_seq AS seq, last_hash AS hash FROM access_log_head WHERE id = 1');
  const updateHead = db.prepare('UPDATE access_log_head SET last_seq = ?, last_hash = ? WHERE id = 1');
  const selectBatch = db.prepare('SELECT * FROM access_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');

  const readHead = (): AccessLogHead => {
    const head = selectHead.get() as AccessLogHead | undefined;
    if (!head) throw new Error('the access log has no head row');
    return { seq: Number(head.seq), hash: head.hash };
  };

  const appendInTransaction = db.transaction((entries: readonly AccessEntry[]) => {
    const records = chainAccessEntries(readHead(), entries);
    for (const record of records) insert.run(toAccessLogRow(record));
    const last = records.at(-1)!;
    const { changes } = updateHead.run(last.seq, last.hash);
    if (changes !== 1) throw new Error('the access log has no head row');
  });

  let closed = false;
  return {
    async append(entries) {
      const normalised = entries.map(normalizeAccessEntry);
      if (normalised.length === 0) return;
      appendInTransaction.immediate(normalised);
    },

    async readBySubject(subject, page) {
      const query = subjectPageQuery(subject, page, () => '?');
      return query.toPage(db.prepare(query.sql).all(...query.params) as AccessLogRow[]);
    },

    readAll(range) {
      return readAccessLogInBatches(range, async (afterSeq, throughSeq, limit) => selectBatch.all(afterSeq, throughSeq, limit) as AccessLogRow[]);
    },

    async readHead() {
      return readHead();
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
