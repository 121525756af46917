import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AccessLogStore } from '../store/AccessLogStore.js';
import { openAccessLogStore } from '../store/openAccessLogStore.js';

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
  /**
   * Why this backend cannot be used here, or null. PostgreSQL is asked on the first call (one
   * connection, answered once per process), never on import: a unit test that needs only SQLite
   * imports this file without opening a socket.
   */
  unavailable(): Promise<string | null>;
  create(): Promise<TempAccessLog>;
}

/** A backend with its answer already in: suites decide at collection whether to run (describe.skipIf). */
export interface ProbedAccessLogBackend extends AccessLogBackend {
  /** Why the suite cannot run here, or null. */
  skipReason: string | null;
}

/** Asks the backend whether it can be used here (see AccessLogBackend.unavailable). */
export async function probeBackend(backend: AccessLogBackend): Promise<ProbedAccessLogBackend> {
  return { ...backend, skipReason: await backend.unavailable() };
}

/** probeBackend for each, in order (by default SQLite and PostgreSQL). */
export function probeBackends(
  backends: readonly AccessLogBackend[] = accessLogBackends,
): Promise<ProbedAccessLogBackend[]> {
  return Promise.all(backends.map(probeBackend));
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
  unavailable: async () => null,
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

let postgresProbe: Promise<string | null> | undefined;

export const postgresBackend: AccessLogBackend = {
  name: 'PostgreSQL',
  unavailable: () => (postgresProbe ??= postgresSkipReason()),
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
