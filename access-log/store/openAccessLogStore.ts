import { join } from 'node:path';
import { dataDirectory } from '../../core/identity/keyFiles.js';
import type { AccessLogStore } from './AccessLogStore.js';
import { backendAt, locateAccessLog } from './backends/storeBackends.js';
import type { AccessLogLocation } from './backends/StoreBackend.js';
import { createAccessLogStore } from './createAccessLogStore.js';

export type { AccessLogLocation } from './backends/StoreBackend.js';

export interface OpenAccessLogOptions {
  /** A connection URL; default AUDIT_DATABASE_URL, else the SQLite file under the data folder. */
  url?: string;
  /** false: fail when there is no log there yet, rather than create an empty one (verify, export). */
  create?: boolean;
  /** This writer's chain; default a new one per store (chainName.ts). */
  chain?: string;
  /** SQLite only: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** How long refusals wait for the rest of their request (groupCommit.ts's REFUSAL_WINDOW_MS). */
  refusalWindowMs?: number;
}

/**
 * Where the access log lives (store/backends/storeBackends.ts): `postgres://` or `postgresql://`
 * → PostgreSQL; `sqlite:/path/file.db` or a plain path → that SQLite file; nothing →
 * `${DATA_DIR:-data}/audit/access-log.db`.
 */
export function accessLogLocation(url: string | undefined = process.env.AUDIT_DATABASE_URL): AccessLogLocation {
  if (!url) return { kind: 'sqlite', file: join(dataDirectory(), 'audit', 'access-log.db') };
  return locateAccessLog(url);
}

/** Opens the access log named by the options or the environment (see accessLogLocation). */
export async function openAccessLogStore(options: OpenAccessLogOptions = {}): Promise<AccessLogStore> {
  const location = accessLogLocation(options.url ?? process.env.AUDIT_DATABASE_URL);
  const create = options.create ?? true;
  const driver = await backendAt(location).open(location, { create, busyTimeoutMs: options.busyTimeoutMs });
  if (!create && !(await driver.hasTable('access_records'))) {
    await driver.close();
    throw new Error(`${location.kind === 'postgres' ? 'this database' : location.file} holds no access log`);
  }
  return createAccessLogStore(driver, { chain: options.chain, refusalWindowMs: options.refusalWindowMs });
}
