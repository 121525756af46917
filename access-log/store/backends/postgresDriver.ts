import pg from 'pg';
import { accessLogSchema } from '../../sql/accessLogSchema.js';
import { serialised, type SqlDriver, type SqlExecutor } from '../../sql/SqlDriver.js';

/** Whether every table and index the schema creates exists already, on the connection's search path. */
async function hasEverySchemaObject(executor: SqlExecutor): Promise<boolean> {
  const names = schemaObjectNames(accessLogSchema('postgres'));
  const rows = await executor.all<{ found: string | null }>(
    `SELECT to_regclass(name) AS found FROM unnest(?::text[]) AS name`,
    [names],
  );
  return rows.length === names.length && rows.every((row) => row.found !== null);
}

/** The names of the tables and indexes the schema's statements create. */
export function schemaObjectNames(statements: readonly string[]): string[] {
  return statements.flatMap((statement) => {
    const match = /^CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)/.exec(statement.trim());
    return match ? [match[1]!] : [];
  });
}

// Any constant works; it only has to be the same in every process creating the schema.
const SCHEMA_LOCK_KEY = 0x61_75_64_74; // "audt"

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL, for a city's load and several replicas. A pool of connections; each write
 * transaction holds one. Writers of different chains lock different rows, so they commit side by side.
 */
export async function openPostgresDriver(
  connectionString: string,
  options: { create: boolean; maxConnections?: number },
): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection that drops emits 'error' on the pool, which would kill the process if
  // unheard; the pool replaces it, and the next query's failure reaches its caller.
  pool.on('error', () => {});
  const on = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async all<T>(sql: string, params: readonly unknown[] = [], options: { prepared?: string } = {}) {
      const text = numbered(sql);
      const values = params as unknown[];
      const result = options.prepared
        ? await client.query({ name: options.prepared, text, values })
        : await client.query(text, values);
      return result.rows as T[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0;
    },
  });
  const inTransaction = async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(on(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection is broken: drop it from the pool rather than reuse it.
      await client.query('ROLLBACK').then(
        () => client.release(),
        (rollbackError: Error) => client.release(rollbackError),
      );
      throw error;
    }
  };
  try {
    // A schema that is all there is left alone: under the append-only grants (docs/operations.md)
    // the subgraphs' role may not create anything, and PostgreSQL checks that privilege even for
    // CREATE ... IF NOT EXISTS of a table that exists.
    if (options.create && !(await hasEverySchemaObject(on(pool)))) {
      // CREATE ... IF NOT EXISTS is not safe when two processes run it at once (both may try to
      // create the same catalog row), so creators take turns on an advisory lock.
      await inTransaction(async (tx) => {
        await tx.all('SELECT pg_advisory_xact_lock(?)', [SCHEMA_LOCK_KEY]);
        for (const statement of accessLogSchema('postgres')) await tx.run(statement);
      });
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const queue = serialised();
  let closed: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    ...on(pool),
    transaction: (work) => queue(() => inTransaction(work)),
    async hasTable(name) {
      const rows = (await pool.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [name])).rows;
      return Boolean(rows[0]?.found);
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}
