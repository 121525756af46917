import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { accessLogSchema } from '../../sql/accessLogSchema.js';
import { serialised, type SqlDriver, type SqlExecutor } from '../../sql/SqlDriver.js';

/**
 * How long a writer waits for another process's write transaction before append fails. Several
 * subgraphs share one file, and a group commit takes milliseconds, so a wait this long only ends
 * in failure when something is truly stuck.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * SQLite (the embedded default). WAL lets readers run beside the one writer; `synchronous = FULL`
 * makes every commit durable before it returns, which "no record, no data" needs. A write
 * transaction is BEGIN IMMEDIATE, taking the file's write lock first, so writers in several
 * processes queue on the lock (busy_timeout) instead of failing half-way.
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
    db.pragma('synchronous = FULL');
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
  let closed = false;
  return {
    dialect: 'sqlite',
    ...executor,
    transaction: (work) =>
      queue(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(executor);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    async hasTable(name) {
      return prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
