import { join, resolve } from 'node:path';
import { dataDirectory } from '../../../core/identity/keyFiles.js';
import type { AccessLogStore } from './AccessLogStore.js';
import { createAccessLogStore } from './createAccessLogStore.js';
import { openPostgresDriver, openSqliteDriver } from './SqlDriver.js';

export type AccessLogLocation = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface OpenAccessLogOptions {
  /** A connection URL; default AUDIT_DATABASE_URL, else the SQLite file under the data folder. */
  url?: string;
  /** false: fail when there is no log there yet, rather than create an empty one (verify, export). */
  create?: boolean;
  /** This writer's chain; default a new one per store (createAccessLogStore's newChainName). */
  chain?: string;
  /** SQLite only: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** How long refusals wait for the rest of their request (createAccessLogStore's REFUSAL_WINDOW_MS). */
  refusalWindowMs?: number;
}

/**
 * Where the access log lives: `postgres://` or `postgresql://` → PostgreSQL; `sqlite:/path/file.db`
 * or a plain path → that SQLite file; nothing → `${DATA_DIR:-data}/audit/access-log.db`.
 */
export function accessLogLocation(url: string | undefined = process.env.AUDIT_DATABASE_URL): AccessLogLocation {
  if (!url) return { kind: 'sqlite', file: join(dataDirectory(), 'audit', 'access-log.db') };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (/^sqlite:/i.test(url)) {
    // sqlite:/abs/file.db and sqlite:///abs/file.db both name /abs/file.db.
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new Error('AUDIT_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:/var/lib/city-graph/access-log.db');
    return { kind: 'sqlite', file: resolve(path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error('AUDIT_DATABASE_URL: use postgres://..., postgresql://..., sqlite:/path/file.db or a file path');
  }
  return { kind: 'sqlite', file: resolve(url) };
}

/** Opens the access log named by the options or the environment (see accessLogLocation). */
export async function openAccessLogStore(options: OpenAccessLogOptions = {}): Promise<AccessLogStore> {
  const location = accessLogLocation(options.url ?? process.env.AUDIT_DATABASE_URL);
  const create = options.create ?? true;
  const driver =
    location.kind === 'postgres'
      ? await openPostgresDriver(location.url, { create })
      : openSqliteDriver(location.file, { create, busyTimeoutMs: options.busyTimeoutMs });
  if (!create && !(await driver.hasTable('access_records'))) {
    await driver.close();
    throw new Error(`${location.kind === 'postgres' ? 'this database' : location.file} holds no access log`);
  }
  return createAccessLogStore(driver, { chain: options.chain, refusalWindowMs: options.refusalWindowMs });
}
