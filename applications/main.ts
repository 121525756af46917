/**
 * `npm run applications`: the process that carries applications (issue 22, part 4). It runs the
 * durable workflow engine (DBOS Transact) on PostgreSQL: APPLICATIONS_DATABASE_URL, or, unset, an
 * embedded PostgreSQL under data/applications-pg/ that it starts and stops itself. Replicas may
 * run side by side on one database, each with its own APPLICATIONS_EXECUTOR_ID. /health and
 * /ready on APPLICATIONS_PORT. docs/applications.md.
 */
import { createServer } from 'node:http';
import { settingsOrExit } from '../core/config/index.js';
import { createLogger } from '../core/operations/index.js';
import { readApplicationsConfig } from './applicationsConfig.js';
import { departmentActionsNotYetBuilt } from './departmentActionsNotYetBuilt.js';
import { dbosLogger } from './engine/dbosLogger.js';
import { startApplicationsWorker, type ApplicationsWorker } from './engine/startApplicationsWorker.js';
import { loadMatters, repositoryMatterContext } from './matters/loadMatters.js';
import { EmbeddedPostgresError, startEmbeddedPostgres, type RunningPostgres } from './startEmbeddedPostgres.js';

const config = settingsOrExit(() => readApplicationsConfig(process.env));
const log = createLogger('applications');

// Which matters could be carried today: one whose departments lack its mutations waits for part 2.
const loaded = loadMatters(repositoryMatterContext());
log.info(
  `${loaded.matters.length} matter(s) ready: ${loaded.matters.map((matter) => matter.name).join(', ') || 'none'}; ` +
    `${loaded.files.filter((file) => file.problems.length > 0).length} not (npm run matters:check says why)`,
);

let embedded: RunningPostgres | null = null;
let worker: ApplicationsWorker | null = null;
try {
  if (!config.databaseUrl) {
    log.info(`Starting the embedded PostgreSQL in ${config.embeddedFolder} on port ${config.embeddedPort}`);
    embedded = await startEmbeddedPostgres({ folder: config.embeddedFolder, port: config.embeddedPort });
  }
  worker = await startApplicationsWorker({
    databaseUrl: config.databaseUrl ?? embedded!.url,
    schema: config.schema,
    executorId: config.executorId,
    actions: departmentActionsNotYetBuilt,
    concurrency: config.concurrency,
    logger: dbosLogger(log),
    onTakeOver: (executorId, workflows) =>
      log.warn(`Replica ${executorId} fell silent: took over its ${workflows} pending workflow(s)`),
  });
} catch (error) {
  const message =
    error instanceof EmbeddedPostgresError ? error.message : 'The engine did not start: see the lines above.';
  if (!(error instanceof EmbeddedPostgresError)) log.error(error instanceof Error ? error.message : String(error));
  process.stderr.write(`${message}\n`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
}

const server = createServer((request, response) => {
  const ok = request.url === '/health' || request.url === '/ready';
  response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(ok ? { status: 'ok', executor: config.executorId } : { error: 'NOT_FOUND' }));
});
server.listen(config.port, config.host, () => {
  log.info(`Applications engine listening on http://${config.host}:${config.port} (executor ${config.executorId})`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await worker?.stop();
  await embedded?.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
