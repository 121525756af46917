/**
 * A worker replica as the tests run it, in a process of its own so a test can SIGKILL it, with
 * short DBOS intervals: over DepartmentStandIn (httpDepartmentActions), or, given
 * APPLICATIONS_TEST_GATEWAY_URL and APPLICATIONS_TEST_SERVICE_KEY (a private JWK), through a
 * test stack's gateway as the applications service (graphDepartmentActions), as production runs.
 * Its settings come from the test (APPLICATIONS_TEST_*); it prints `engine ready` once it takes work.
 */
import { readFileSync } from 'node:fs';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { createActingGraphClient } from '../graph/actingGraphClient.js';
import { graphDepartmentActions } from '../graph/graphDepartmentActions.js';
import { loadMatters, repositoryMatterContext } from '../matters/loadMatters.js';
import type { DepartmentActions } from '../engine/DepartmentActions.js';
import { startApplicationsWorker } from '../engine/startApplicationsWorker.js';
import { httpDepartmentActions } from './httpDepartmentActions.js';
import { TEST_TIMING } from './testTiming.js';

const env = process.env;

async function throughTheGateway(gatewayUrl: string, serviceKey: string): Promise<DepartmentActions> {
  const jwk = JSON.parse(serviceKey) as JWK;
  const graph = createActingGraphClient({
    gatewayUrl,
    key: (await importJWK(jwk, 'ES256')) as CryptoKey,
    audience: env.APPLICATIONS_TEST_AUDIENCE ?? 'city-graph',
  });
  return graphDepartmentActions(graph, {
    publicSchemaSdl: readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'),
    matters: loadMatters(repositoryMatterContext()).matters,
  });
}

const actions =
  env.APPLICATIONS_TEST_GATEWAY_URL && env.APPLICATIONS_TEST_SERVICE_KEY
    ? await throughTheGateway(env.APPLICATIONS_TEST_GATEWAY_URL, env.APPLICATIONS_TEST_SERVICE_KEY)
    : httpDepartmentActions(env.APPLICATIONS_TEST_STAND_IN_URL!);
const worker = await startApplicationsWorker({
  databaseUrl: env.APPLICATIONS_TEST_DATABASE_URL!,
  schema: env.APPLICATIONS_TEST_SCHEMA!,
  executorId: env.APPLICATIONS_TEST_EXECUTOR_ID!,
  actions,
  timing: TEST_TIMING,
  pollingIntervalMs: 50,
  replicaWatch: { heartbeatSeconds: 0.3, silenceSeconds: 2 },
  onTakeOver: (executorId, workflows) => process.stdout.write(`took over ${workflows} workflows of ${executorId}\n`),
  logLevel: 'error',
});
process.stdout.write('engine ready\n');
const stop = () => void worker.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
