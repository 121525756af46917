import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AccessLogStore } from '../AccessLogStore.js';
import { openAccessLogStore } from '../openAccessLogStore.js';

/** A throw-away access log: its URL, stores opened on it, and raw SQL for tampering behind the store's back. */
export interface TempAccessLog {
  url: string;
  open(): Promise<AccessLogStore>;
  /** Runs SQL directly (one or more statements), as an intruder with database access would. */
  execute(sql: string): Promise<void>;
  /** Closes every store opened here and deletes the file or database. */
  dispose(): Promise<void>;
}

export interface AccessLogBackend {
  name: 'SQLite' | 'PostgreSQL';
  /** Why the suite cannot run here, or null. */
  skipReason: string | null;
  create(): Promise<TempAccessLog>;
}

function tracking(url: string, execute: (sql: string) => Promise<void>, remove: () => Promise<void>): TempAccessLog {
  const stores: AccessLogStore[] = [];
  return {
    url,
    async open() {
      const store = await openAccessLogStore({ url });
      stores.push(store);
      return store;
    },
    execute,
    async dispose() {
      await Promise.all(stores.map((store) => store.close()));
      await remove();
    },
  };
}

/** Each log is a file in its own temp folder. */
export const sqliteBackend: AccessLogBackend = {
  name: 'SQLite',
  skipReason: null,
  async create() {
    const folder = mkdtempSync(join(tmpdir(), 'access-log-'));
    const file = join(folder, 'access-log.db');
    return tracking(
      `sqlite:${file}`,
      async (sql) => {
        const db = new Database(file);
        try {
          db.exec(sql);
        } finally {
          db.close();
        }
      },
      async () => rmSync(folder, { recursive: true, force: true }),
    );
  },
};

/** The database the PostgreSQL tests use; each log is a fresh schema in it, dropped afterwards. */
export const POSTGRES_TEST_URL = process.env.AUDIT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresSkipReason(): Promise<string | null> {
  try {
    await withClient(POSTGRES_TEST_URL, (client) => client.query('SELECT 1'));
    return null;
  } catch (error) {
    return `no PostgreSQL reachable at ${POSTGRES_TEST_URL} (set AUDIT_TEST_POSTGRES_URL): ${(error as Error).message}`;
  }
}

export const postgresBackend: AccessLogBackend = {
  name: 'PostgreSQL',
  skipReason: await postgresSkipReason(),
  async create() {
    // A schema rather than a database: creating one takes milliseconds instead of a quarter second.
    const schema = `access_log_test_${randomBytes(6).toString('hex')}`;
    await withClient(POSTGRES_TEST_URL, (client) => client.query(`CREATE SCHEMA ${schema}`));
    const url = new URL(POSTGRES_TEST_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return tracking(
      url.toString(),
      (sql) => withClient(url.toString(), async (client) => void (await client.query(sql))),
      () =>
        withClient(
          POSTGRES_TEST_URL,
          async (client) => void (await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
        ),
    );
  },
};

export const accessLogBackends: readonly AccessLogBackend[] = [sqliteBackend, postgresBackend];
