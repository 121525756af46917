import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { walFileSync } from './walFileSync.js';
import { accessLogSchema } from '../../sql/accessLogSchema.js';
import { serialised, type SqlDriver, type SqlExecutor } from '../../sql/SqlDriver.js';

/**
 * How long a writer waits for another process's write transaction before append fails. Several
 * subgraphs share one file, and a group commit takes milliseconds, so a wait this long only ends
 * in failure when something is truly stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * SQLite (the embedded default). WAL lets readers run beside the one writer. A write transaction
 * is BEGIN IMMEDIATE, taking the file's write lock first, so writers in several processes queue on
 * the lock (busy_timeout) instead of failing half-way.
 *
 * Durable before it resolves, with no fsync on the event loop ("no record, no data";
 * docs/access-log.md, "Durability"): `synchronous = NORMAL` makes COMMIT write the transaction's
 * frames into the WAL (pwrite into the page cache) and return without syncing; the transaction's
 * promise then waits for an `fdatasync` of the WAL run in libuv's thread pool (walFileSync.ts).
 * better-sqlite3 is synchronous, so `synchronous = FULL` would block the whole process in fsync
 * for every group (the disk's latency, not CPU). What SQLite still syncs itself under NORMAL:
 * the WAL and the database around a checkpoint, and the WAL's header when it begins to reuse the
 * file after one (see the checkpoint note at `wal_autocheckpoint` below).
 */
export function openSqliteDriver(file: string, options: { create: boolean; busyTimeoutMs?: number }): SqlDriver {
  if (options.create) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file, {
    fileMustExist: !options.create,
    timeout: options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS,
  });
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const executor: SqlExecutor = {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
  };
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (options.create) {
      // IMMEDIATE: two processes starting on a new file take turns instead of racing the DDL.
      db.transaction(() => {
        for (const statement of accessLogSchema('sqlite')) db.exec(statement);
      }).immediate();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const queue = serialised();
  const wal = walFileSync(file);
  let closed = false;
  return {
    dialect: 'sqlite',
    ...executor,
    async transaction(work) {
      const result = await queue(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(executor);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      // COMMIT has written the frames into the WAL file, not yet to disk. Outside the queue: the
      // next transaction may be written while this sync runs, and shares the sync after it.
      await wal.sync();
      return result;
    },
    async hasTable(name) {
      return prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      await wal.close();
      db.close();
    },
  };
}
