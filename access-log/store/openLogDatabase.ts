import { join } from 'node:path';
import { dataDirectory } from '../../core/identity/keyFiles.js';
import type { SqlDriver } from '../sql/SqlDriver.js';
import { backendAt, locateAccessLog } from './backends/storeBackends.js';
import type { AccessLogLocation } from './backends/StoreBackend.js';

/**
 * Where the access log lives (store/backends/storeBackends.ts): `postgres://` or `postgresql://`
 * → PostgreSQL; `sqlite:/path/file.db` or a plain path → that SQLite file; nothing →
 * `${DATA_DIR:-data}/audit/access-log.db`. The URL is AUDIT_DATABASE_URL, read by the caller's
 * settings (readSubgraphConfig, the audit tools' entries) and handed down.
 */
export function accessLogLocation(url?: string): AccessLogLocation {
  if (!url) return { kind: 'sqlite', file: join(dataDirectory(), 'audit', 'access-log.db') };
  return locateAccessLog(url);
}

export interface OpenLogDatabaseOptions {
  /** A connection URL (AUDIT_DATABASE_URL, as the caller's settings read it); absent: the SQLite file under the data folder. */
  url?: string;
  /** false: fail when the database does not hold `table` yet, rather than create the tables (the audit tools). */
  create?: boolean;
  /** SQLite only: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** PostgreSQL only: the most connections its pool opens (default 10). */
  maxConnections?: number;
}

/**
 * Opens the log's database on its backend (store/backends/storeBackends.ts), with every table of
 * the log and the certificate register (sql/accessLogSchema.ts) created unless told not to; then
 * the stores are made over it (createAccessLogStore, createCertificateRegister). Told not to
 * create, it refuses a database without `table`, naming what is missing there.
 */
export async function openLogDatabase(
  options: OpenLogDatabaseOptions,
  expected: { table: string; what: string },
): Promise<SqlDriver> {
  const location = accessLogLocation(options.url);
  const create = options.create ?? true;
  const { busyTimeoutMs, maxConnections } = options;
  const driver = await backendAt(location).open(location, { create, busyTimeoutMs, maxConnections });
  if (!create && !(await driver.hasTable(expected.table))) {
    await driver.close();
    throw new Error(`${location.kind === 'postgres' ? 'this database' : location.file} holds no ${expected.what}`);
  }
  return driver;
}
