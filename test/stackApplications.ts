import { readFileSync } from 'node:fs';
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { createActingGraphClient, type ActingGraphClient } from '../applications/graph/actingGraphClient.js';
import { createApplicationsFrontDesk, type ApplicationsService } from '../applications/graph/ApplicationsFrontDesk.js';
import { graphDepartmentActions } from '../applications/graph/graphDepartmentActions.js';
import { startApplicationsWorker, type ApplicationsWorker } from '../applications/engine/startApplicationsWorker.js';
import { loadMatters, MATTERS_FOLDER, repositoryMatterContext } from '../applications/matters/loadMatters.js';
import {
  createApplicationsTestDatabase,
  type ApplicationsTestDatabase,
} from '../applications/testing/applicationsTestDatabase.js';
import { TEST_TIMING } from '../applications/testing/testTiming.js';
import { readActingScopes, type ActingCallerOptions } from '../gateway/actingCallers.js';

/** The applications engine of a test stack (startStack({ applications: true })). */
export interface StackApplications {
  /** The PostgreSQL schema of this stack's applications (and `<schema>_engine`, DBOS's). */
  schema: string;
  database: ApplicationsTestDatabase;
  /** What the platform subgraph answers the applications fields with. */
  desk: ApplicationsService;
  /** The worker replica running in this process (DBOS is one per process). */
  worker(): ApplicationsWorker;
  /** Stops the worker (as a crash would leave its applications) and starts it again. */
  restartWorker(): Promise<void>;
  /** What a worker in another process needs to act through this stack's gateway (startEngineProcess). */
  gateway: { graphqlUrl: string; serviceKey: string; audience: string };
  /** Sends an operation to the gateway as the applications service would (to try what it may do). */
  actAs: ActingGraphClient extends (query: string, variables: never, on: infer On) => infer R
    ? (query: string, on: On) => R
    : never;
}

/**
 * The applications' side of a test stack, in two halves around the gateway's start: first the
 * database, the service's key (whose public half the gateway trusts) and the front desk the
 * platform subgraph is given; then, once the gateway listens, the worker acting through it.
 */
export async function prepareStackApplications(audience: string, options: { inProcessWorker: boolean }) {
  const database = await createApplicationsTestDatabase();
  const serviceKey = await generateKeyPair('ES256', { extractable: true });
  const serviceJwk = JSON.stringify({ ...(await exportJWK(serviceKey.privateKey)), alg: 'ES256' });
  let gatewayGraphql = '';
  const graph = createActingGraphClient({ gatewayUrl: () => gatewayGraphql, key: serviceKey.privateKey, audience });
  const matters = loadMatters(repositoryMatterContext()).matters;
  const desk = createApplicationsFrontDesk({
    databaseUrl: () => database.url,
    schema: database.schema,
    matters,
    graph,
  });
  const acting: ActingCallerOptions = {
    keys: createLocalJWKSet({ keys: [await exportJWK(serviceKey.publicKey)] }),
    scopes: readActingScopes(MATTERS_FOLDER),
  };
  const actions = graphDepartmentActions(graph, {
    publicSchemaSdl: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
    matters,
  });
  const startWorker = () =>
    startApplicationsWorker({
      databaseUrl: database.url,
      schema: database.schema,
      executorId: 'stack',
      actions,
      timing: TEST_TIMING,
      pollingIntervalMs: 50,
      logLevel: 'error',
    });
  return {
    acting,
    desk,
    /** Starts the worker against the gateway now listening at `gatewayUrl`. */
    async start(gatewayUrl: string): Promise<StackApplications & { close(): Promise<void> }> {
      gatewayGraphql = `${gatewayUrl}/graphql`;
      let worker: ApplicationsWorker | null = options.inProcessWorker ? await startWorker() : null;
      return {
        schema: database.schema,
        database,
        desk,
        worker: () => {
          if (!worker)
            throw new Error('This stack runs no worker in process (applications: { inProcessWorker: false }).');
          return worker;
        },
        gateway: { graphqlUrl: gatewayGraphql, serviceKey: serviceJwk, audience },
        actAs: (query, on) => graph(query, {}, on),
        async restartWorker() {
          await worker?.stop();
          worker = await startWorker();
        },
        async close() {
          await worker?.stop();
        },
      };
    },
    async close() {
      await desk.close();
      await database.dispose();
    },
  };
}
