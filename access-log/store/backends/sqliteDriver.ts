import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { walCheckpointer } from './walCheckpointer.js';
import { walFileSync } from './walFileSync.js';
import { accessLogSchema } from '../../sql/accessLogSchema.js';
import { serialised, type SqlDriver, type SqlExecutor } from '../../sql/SqlDriver.js';

/**
 * How long a writer waits for another process's write transaction before append fails. Several
 * subgraphs share one file, and a group commit takes milliseconds, so a wait this long only ends
 * in failure when something is truly stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** A checkpoint is asked for once the WAL holds this much: SQLite's own default (1,000 pages of 4 KiB). */
const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;

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
 * for every group (the disk's latency, not CPU).
 *
 * Checkpoints (copying the WAL into the database, syncing both) run on a thread of their own
 * (walCheckpointer.ts), not as SQLite's automatic checkpoint inside a COMMIT on the event loop:
 * once a sync finds the WAL over CHECKPOINT_AFTER_BYTES, the next write transaction waits in the
 * queue (its appends keep gathering, the event loop stays free) while the thread checkpoints, so
 * the checkpoint can take every frame. What SQLite still syncs on the event loop is the WAL's
 * 32-byte header when the first COMMIT after a checkpoint starts the file over (once per
 * checkpoint, a sync of one page); it must be on disk before the frames that follow it.
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
    db.pragma('wal_autocheckpoint = 0');
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
  const checkpointer = walCheckpointer(file);
  let checkpointing: Promise<void> | null = null;
  const checkpoint = () =>
    queue(() =>
      checkpointer.checkpoint().catch(() => {
        // The thread could not do it: do it here rather than let the WAL grow without end.
        db.pragma('wal_checkpoint(PASSIVE)');
      }),
    ).finally(() => (checkpointing = null));
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
      const walBytes = await wal.sync();
      if (walBytes >= CHECKPOINT_AFTER_BYTES && !closed) checkpointing ??= checkpoint();
      return result;
    },
    async hasTable(name) {
      return prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      await checkpointing?.catch(() => undefined);
      await checkpointer.close();
      await wal.close();
      db.close();
    },
  };
}
