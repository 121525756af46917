/**
 * `npm run mocks`: every department's legacy system in one process, on the registry's ports (or the
 * *_LEGACY_PORT variables).
 */
import { LEGACY_DEPARTMENT_NAMES } from '../registry/departments.js';
import { loadDataSet } from './data/index.js';
import { loadLegacyMock } from './legacyMocks.js';
import { legacyPortFromEnvironment } from './legacyPortFromEnvironment.js';

const host = process.env.LEGACY_HOST || '127.0.0.1';
const dataSet = loadDataSet();

const servers = await Promise.all(
  LEGACY_DEPARTMENT_NAMES.map(async (department) =>
    (await loadLegacyMock(department))({ port: legacyPortFromEnvironment(department), host, dataSet }),
  ),
);
for (const server of servers) process.stdout.write(`${server.name} listening on ${server.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all(servers.map((server) => server.close())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
