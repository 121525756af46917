/**
 * `npm run mocks`: every department's legacy system in one process, on the registry's ports (or the
 * *_LEGACY_PORT variables).
 */
import { LEGACY_DEPARTMENT_NAMES } from '../registry/departments.js';
import type { RunningLegacyServer } from './common/index.js';
import { loadDataSet } from './data/index.js';
import { loadLegacyMock } from './legacyMocks.js';
import { legacyPortFromEnvironment } from './legacyPortFromEnvironment.js';

const host = process.env.LEGACY_HOST || '127.0.0.1';
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
  const dataSet = loadDataSet();
  await Promise.all(
    LEGACY_DEPARTMENT_NAMES.map(async (department) => {
      const start = await loadLegacyMock(department);
      servers.push(await start({ port: legacyPortFromEnvironment(department), host, dataSet }));
    }),
  );
} catch (error) {
  // A port taken or a bad setting: one line, no stack trace, and nothing left listening.
  process.stderr.write(`mocks: ${(error as Error).message}\n`);
  await Promise.all(servers.map((server) => server.close()));
  process.exit(1);
}
for (const server of servers) process.stdout.write(`${server.name} listening on ${server.url}\n`);
