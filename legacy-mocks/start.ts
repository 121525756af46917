/**
 * `npm run mocks`: every department's legacy system in one process, on the registry's ports (or the
 * *_LEGACY_PORT variables), each with its settings read and checked at start (legacyMockConfig.ts).
 */
import { settingsOrExit } from '../core/config/index.js';
import { LEGACY_DEPARTMENT_NAMES } from '../registry/departments.js';
import type { RunningLegacyServer } from './common/index.js';
import { loadDataSet } from './data/index.js';
import { STAND_IN_MODULES } from '../registry/standInModules.js';
import { readLegacyMockConfig } from './legacyMockConfig.js';

const configs = settingsOrExit(() => LEGACY_DEPARTMENT_NAMES.map((department) => readLegacyMockConfig(department)));
const servers: RunningLegacyServer[] = [];

// Listening for a stop before anything starts: a signal that arrives while the systems start (or
// right after they say so) stops them cleanly instead of killing the process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all(servers.map((server) => server.close())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

try {
  // One data set for all: DATA_SEED is the same variable for each.
  const dataSet = loadDataSet(configs[0]!.dataSeed);
  await Promise.all(
    LEGACY_DEPARTMENT_NAMES.map(async (department, index) => {
      const { port, host, legacyCredentials, dataDir } = configs[index]!;
      servers.push(await STAND_IN_MODULES[department]({ port, host, dataSet, legacyCredentials, dataDir }));
    }),
  );
} catch (error) {
  // A port taken or a bad setting: one line, no stack trace, and nothing left listening.
  process.stderr.write(`mocks: ${(error as Error).message}\n`);
  await Promise.all(servers.map((server) => server.close()));
  process.exit(1);
}
for (const server of servers) process.stdout.write(`${server.name} listening on ${server.url}\n`);
