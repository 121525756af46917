/**
 * `npm run applications`: the process that carries applications. It runs the
 * durable workflow engine (DBOS Transact) on PostgreSQL: APPLICATIONS_DATABASE_URL, or, unset, an
 * embedded PostgreSQL under data/applications-pg/ that it starts and stops itself. Replicas may
 * run side by side on one database, each with its own APPLICATIONS_EXECUTOR_ID. /health and
 * /ready on APPLICATIONS_PORT. docs/applications.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settingsOrExit } from '../core/config/index.js';
import { createLogger } from '../core/operations/index.js';
import { readApplicationsConfig } from './applicationsConfig.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { graphDepartmentActions } from './graph/graphDepartmentActions.js';
import { openActingGraphClient } from './graph/serviceSettings.js';
import { dbosLogger } from './engine/dbosLogger.js';
import { startApplicationsWorker, type ApplicationsWorker } from './engine/startApplicationsWorker.js';
import { loadMatters, repositoryMatterContext } from './matters/loadMatters.js';
import { EmbeddedPostgresError, startEmbeddedPostgres, type RunningPostgres } from './startEmbeddedPostgres.js';

const config = settingsOrExit(() => readApplicationsConfig(process.env));
const log = createLogger('applications');

// The matters that pass `npm run matters:check`; an application of one that does not is refused at the desk.
const loaded = loadMatters(repositoryMatterContext());
log.info(
  `${loaded.matters.length} matter(s) ready: ${loaded.matters.map((matter) => matter.name).join(', ') || 'none'}; ` +
    `${loaded.files.filter((file) => file.problems.length > 0).length} not (npm run matters:check says why)`,
);

const STOP_LIMIT_MS = 15_000;
let embedded: RunningPostgres | null = null;
let worker: ApplicationsWorker | null = null;
let stopping = false;
// Listening before anything starts: a stop during start still stops the embedded PostgreSQL.
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

/** Stops what started, newest first; a stop that hangs (a database gone away) gives up after STOP_LIMIT_MS. */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), STOP_LIMIT_MS).unref();
  server?.close();
  await worker?.stop().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}

let server: Server | null = null;
try {
  if (!config.databaseUrl) {
    log.info(`Starting the embedded PostgreSQL in ${config.embeddedFolder} on port ${config.embeddedPort}`);
    embedded = await startEmbeddedPostgres({ folder: config.embeddedFolder, port: config.embeddedPort });
  }
  if (!stopping)
    worker = await startApplicationsWorker({
      databaseUrl: config.databaseUrl ?? embedded!.url,
      schema: config.schema,
      executorId: config.executorId,
      // Each step is the department's own mutation, through the gateway, acting for whom the matter says.
      actions: graphDepartmentActions(await openActingGraphClient(config.values), {
        publicSchemaSdl: readFileSync(join(CODE_ROOT, 'schema.graphql'), 'utf8'),
        matters: loaded.matters,
      }),
      concurrency: config.concurrency,
      keepAnswersDays: config.keepAnswersDays,
      onAnswersForgotten: (count) => log.info(`Forgot the answers of ${count} ended application(s)`),
      logger: dbosLogger(log),
      onTakeOver: (executorId, workflows) =>
        log.warn(`Replica ${executorId} fell silent: took over its ${workflows} pending workflow(s)`),
    });
} catch (error) {
  const known = error instanceof EmbeddedPostgresError;
  if (!known) log.error(error instanceof Error ? error.message : String(error));
  process.stderr.write(`${known ? error.message : 'The engine did not start: see the lines above.'}\n`);
  await stop(1);
}

if (!stopping) {
  server = createServer((request, response) => {
    const ok = request.url === '/health' || request.url === '/ready';
    response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(ok ? { status: 'ok', executor: config.executorId } : { error: 'NOT_FOUND' }));
  });
  server.listen(config.port, config.host, () => {
    const { port } = server!.address() as AddressInfo;
    // Plain stdout, as every piece prints it: the logger is buffered, and scripts wait for this line.
    process.stdout.write(
      `applications engine listening on http://${config.host}:${port} (executor ${config.executorId})\n`,
    );
  });
}
