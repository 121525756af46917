import pg from 'pg';
import type { AccessLogHead, AccessLogStore } from './AccessLogStore.js';
import { ACCESS_LOG_COLUMNS, toAccessLogRow, type AccessLogRow } from './accessLogRow.js';
import { accessLogSchema } from './accessLogSchema.js';
import { chainAccessEntries } from './chainAccessEntries.js';
import { normalizeAccessEntry } from './normalizeAccessEntry.js';
import { readAccessLogInBatches } from './readAccessLogInBatches.js';
import { subjectPageQuery } from './subjectPageQuery.js';

// Any constant works; it only has to be the same in every process creating the schema.
const SCHEMA_LOCK_KEY = 0x61_75_64_74; // "audt"
// PostgreSQL binds at most 65,535 parameters per statement; 14 columns × 1,000 rows stays well below.
const ROWS_PER_INSERT = 1000;

export interface PostgresAccessLogOptions {
  /** false: fail if the tables are missing (the tools must not conjure an empty log). */
  create?: boolean;
  /** Connections in the pool; each append holds one for its transaction. */
  maxConnections?: number;
}

/**
 * The access log in PostgreSQL, for a city's load: same schema and behaviour as the SQLite file.
 * Each append is one transaction that locks the head row (SELECT ... FOR UPDATE), so concurrent
 * writers, in this process or others, queue on that row and each chains onto the last commit.
 */
export async function openPostgresAccessLogStore(connectionString: string, options: PostgresAccessLogOptions = {}): Promise<AccessLogStore> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection that drops emits 'error' on the pool, which would kill the process if
  // unheard; the pool replaces it, and the next query's failure reaches its caller.
  pool.on('error', () => {});

  const inTransaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
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
    if (options.create ?? true) {
      // CREATE ... IF NOT EXISTS is not safe when two processes run it at once (both may try to
      // create the same catalog row), so creators take turns on an advisory lock.
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
        for (const statement of accessLogSchema('postgres')) await client.query(statement);
      });
    } else {
      const { rows } = await pool.query<{ head: string | null }>("SELECT to_regclass('access_log_head') AS head");
      if (!rows[0]?.head) throw new Error('this database holds no access log');
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  const readHead = async (client: pg.Pool | pg.PoolClient, lock: boolean): Promise<AccessLogHead> => {
    const { rows } = await client.query<{ seq: string; hash: string }>(
      `SELECT last_seq AS seq, last_hash AS hash FROM access_log_head WHERE id = 1${lock ? ' FOR UPDATE' : ''}`,
    );
    const head = rows[0];
    if (!head) throw new Error('the access log has no head row');
    return { seq: Number(head.seq), hash: head.hash };
  };

  let closed: Promise<void> | undefined;
  return {
    async append(entries) {
      const normalised = entries.map(normalizeAccessEntry);
      if (normalised.length === 0) return;
      await inTransaction(async (client) => {
        const records = chainAccessEntries(await readHead(client, true), normalised);
        for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
          const rows = records.slice(start, start + ROWS_PER_INSERT).map(toAccessLogRow);
          const width = ACCESS_LOG_COLUMNS.length;
          const values = rows.map((_, r) => `(${ACCESS_LOG_COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
          await client.query(`INSERT INTO access_log (${ACCESS_LOG_COLUMNS.join(', ')}) VALUES ${values.join(', ')}`, rows.flat());
        }
        const last = records.at(-1)!;
        await client.query('UPDATE access_log_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [last.seq, last.hash]);
      });
    },

    async readBySubject(subject, page) {
      const query = subjectPageQuery(subject, page, (n) => `$${n}`);
      const { rows } = await pool.query<AccessLogRow>(query.sql, query.params);
      return query.toPage(rows);
    },

    readAll(range) {
      return readAccessLogInBatches(range, async (afterSeq, throughSeq, limit) => {
        const { rows } = await pool.query<AccessLogRow>('SELECT * FROM access_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3', [
          afterSeq,
          throughSeq,
          limit,
        ]);
        return rows;
      });
    },

    readHead() {
      return readHead(pool, false);
    },

    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}
