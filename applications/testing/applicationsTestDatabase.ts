import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The machine's PostgreSQL the tests use; APPLICATIONS_TEST_POSTGRES_URL overrides it. */
export const APPLICATIONS_TEST_POSTGRES_URL =
  process.env.APPLICATIONS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ApplicationsTestDatabase {
  url: string;
  /** A schema of this run's own (and `<schema>_engine` for DBOS): runs never see each other's rows. */
  schema: string;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<T>>;
  dispose(): Promise<void>;
}

/** Why PostgreSQL cannot be used here (one connection tried), or null: suites skip with this message. */
export async function applicationsDatabaseUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: APPLICATIONS_TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${APPLICATIONS_TEST_POSTGRES_URL.replace(/\/\/[^@]*@/, '//')} is not reachable (${(error as Error).message}); set APPLICATIONS_TEST_POSTGRES_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema pair for one test file, dropped by dispose(). */
export async function createApplicationsTestDatabase(): Promise<ApplicationsTestDatabase> {
  const schema = `applications_test_${randomBytes(5).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: APPLICATIONS_TEST_POSTGRES_URL, max: 2 });
  return {
    url: APPLICATIONS_TEST_POSTGRES_URL,
    schema,
    query: (sql, values) => pool.query(sql, values),
    async dispose() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}_engine" CASCADE`);
      await pool.end();
    },
  };
}
