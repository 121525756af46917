import type { LegacyDepartment } from '../registry/departments.js';
import { loadLegacyMock } from './legacyMocks.js';
import { legacyPortFromEnvironment } from './legacyPortFromEnvironment.js';

/**
 * Runs one department's legacy system as its own process (`npm run mock -- <department>`): port from
 * its *_LEGACY_PORT variable or the registry, host from LEGACY_HOST; one line saying where it
 * listens (tests and `npm start` wait for it); a clean stop on the first SIGINT or SIGTERM.
 */
export async function runLegacyMock(department: LegacyDepartment): Promise<void> {
  const port = legacyPortFromEnvironment(department);
  const server = await (await loadLegacyMock(department))({ port, host: process.env.LEGACY_HOST || '127.0.0.1' });
  console.log(`${server.name} listening on ${server.url}`);
  let closing = false;
  const stop = () => {
    // A second signal while closing must not start a second close.
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
