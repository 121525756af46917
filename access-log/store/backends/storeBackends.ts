import { resolve } from 'node:path';
import type { SqlDriver } from '../../sql/SqlDriver.js';
import { postgresBackend } from './postgresBackend.js';
import { sqliteBackend } from './sqliteBackend.js';
import type { AccessLogLocation, StoreBackend } from './StoreBackend.js';

/** Every backend the access log can live in, asked in this order which one a URL names. */
const STORE_BACKENDS = [postgresBackend, sqliteBackend] as const;

/**
 * The location a URL names: the first backend that knows the URL's form takes it; any other
 * `scheme://` is a mistake (a typo must not become a file called `mysql:`); a plain path is a
 * SQLite file.
 */
export function locateAccessLog(url: string): AccessLogLocation {
  for (const backend of STORE_BACKENDS) {
    const location = backend.locate(url);
    if (location) return location;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    const forms = STORE_BACKENDS.flatMap((backend) => backend.forms);
    throw new Error(`AUDIT_DATABASE_URL: use ${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`);
  }
  return { kind: 'sqlite', file: resolve(url) };
}

/** The backend holding a location. */
export function backendAt(location: AccessLogLocation): StoreBackend {
  return backendOfKind(location.kind);
}

/** The backend an opened driver belongs to: it writes the chains there. */
export function backendOf(driver: SqlDriver): StoreBackend {
  return backendOfKind(driver.dialect);
}

function backendOfKind(kind: AccessLogLocation['kind']): StoreBackend {
  return STORE_BACKENDS.find((backend) => backend.kind === kind)! as StoreBackend;
}
