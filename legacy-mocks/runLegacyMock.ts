import type { LegacyDepartment } from '../registry/departments.js';
import type { RunningLegacyServer } from './common/index.js';
import { loadDataSet } from './data/index.js';
import type { StartLegacyMock } from './StartLegacyMock.js';
import { settingsOrExit } from '../core/config/index.js';
import { readLegacyMockConfig } from './legacyMockConfig.js';

/**
 * Runs one department's legacy system as its own process (`npm run mock -- <department>`): settings checked
 * at start (legacyMockConfig.ts: port from its *_LEGACY_PORT variable or the registry, LEGACY_HOST); one line saying where it
 * listens (tests and `npm start` wait for it); a clean stop on the first SIGINT or SIGTERM.
 */
export async function runLegacyMock(department: LegacyDepartment, start: StartLegacyMock): Promise<void> {
  // Every variable checked at once before it listens (README, "Ports and settings").
  const { port, host, dataSeed, legacyCredentials, dataDir } = settingsOrExit(() => readLegacyMockConfig(department));
  const running: { server?: RunningLegacyServer } = {};
  let closing = false;
  const stop = () => {
    // A second signal while closing must not start a second close.
    if (closing) return;
    closing = true;
    (running.server ? running.server.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Listening for a stop before it starts: a signal right after the "listening" line must not kill it.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const server = await start({
    port,
    host,
    dataSet: loadDataSet(dataSeed),
    legacyCredentials,
    dataDir,
  });
  running.server = server;
  console.log(`${server.name} listening on ${server.url}`);
}
