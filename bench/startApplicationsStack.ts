import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import { APPLICATIONS_TEST_POSTGRES_URL } from '../applications/testing/applicationsTestDatabase.js';
import { freePortBelowEphemeralRange as freePort } from '../test/haproxyConfig.js';
import { gatewayMain, type PieceBuild } from './deployed/PieceBuild.js';
import { BENCH_AUDIENCE, startDeployedBackend, type DeployedBackend } from './deployed/startDeployedBackend.js';
import { startPiece, type Piece } from './deployed/startPiece.js';

/**
 * The gateway's caller limits and creation budgets set out of the way (its own settings, as
 * bench/deployed/startGatewayPiece.ts lifts the first two): the bench's applicants each apply
 * many times a day, and the applications service creates a company, a taxpayer and an employer
 * account per application, which the production budget (10 a day per caller and subject) refuses.
 */
const LIMITS_LIFTED = {
  GATEWAY_RATE_LIMIT_COST: '1000000000',
  GATEWAY_MAX_IN_FLIGHT: '10000',
  GATEWAY_CREATE_BUDGET_PER_DAY: '100000000',
};

export interface ApplicationsStack {
  backend: DeployedBackend;
  gateway: Piece;
  engine: Piece;
  graphqlUrl: string;
  /** This run's schema in the machine's PostgreSQL (DBOS's is `<schema>_engine`). */
  schema: string;
  /** A query on the applications' database, for the counts the figures are read from. */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The graph as deployed, with the one-stop applications: the stand-ins and subgraphs
 * (startDeployedBackend; the platform's applications settings come from an env file given to its
 * node, as that function passes no extra environment), our gateway with its limits lifted and the
 * applications service's public key, and the engine (`<build>/applications/main.js`), each its own
 * process, on a fresh APPLICATIONS_SCHEMA of the machine's PostgreSQL, dropped by stop().
 */
export async function startApplicationsStack(
  build: PieceBuild,
  log: (line: string) => void,
): Promise<ApplicationsStack> {
  const schema = `bench_applications_${randomBytes(5).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: APPLICATIONS_TEST_POSTGRES_URL, max: 2 });
  const gatewayPort = await freePort();
  const graphqlUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const started: Array<{ stop(): Promise<void> }> = [];
  let backend: DeployedBackend | null = null;
  let stopped: Promise<void> | null = null;
  // The engine first (it calls the gateway), then the gateway, then the back end; the schemas last.
  const stop = () =>
    (stopped ??= (async () => {
      for (const piece of started.reverse()) await piece.stop().catch(() => undefined);
      await backend?.stop();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}_engine" CASCADE`).catch(() => undefined);
      await pool.end();
    })());
  try {
    // The service's key pair: the engine and the platform sign with it, the gateway checks with its public half.
    const serviceKey = await generateKeyPair('ES256', { extractable: true });
    const keyFolder = mkdtempSync(join(tmpdir(), 'bench-applications-'));
    started.push({ stop: async () => rmSync(keyFolder, { recursive: true, force: true }) });
    const signingKeyFile = join(keyFolder, 'applications.private.jwk.json');
    const publicKeyFile = join(keyFolder, 'applications.public.jwk.json');
    const kid = 'applications-bench';
    writeFileSync(signingKeyFile, JSON.stringify({ ...(await exportJWK(serviceKey.privateKey)), kid, alg: 'ES256' }));
    writeFileSync(publicKeyFile, JSON.stringify({ ...(await exportJWK(serviceKey.publicKey)), kid, alg: 'ES256' }));
    const applicationsEnv = {
      APPLICATIONS_DATABASE_URL: APPLICATIONS_TEST_POSTGRES_URL,
      APPLICATIONS_SCHEMA: schema,
      APPLICATIONS_GATEWAY_URL: graphqlUrl,
      APPLICATIONS_SIGNING_KEY_FILE: signingKeyFile,
      AUTH_AUDIENCE: BENCH_AUDIENCE,
    };
    const platformEnvFile = join(keyFolder, 'platform.env');
    writeFileSync(
      platformEnvFile,
      Object.entries(applicationsEnv)
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    );
    backend = await startDeployedBackend(build, {
      open: false,
      log,
      execArgvFor: (name) => (name === 'subgraph platform' ? [`--env-file=${platformEnvFile}`] : []),
    });
    log('starting our gateway (limits and creation budgets lifted, the applications service trusted)');
    const gateway = await startPiece(build, {
      kind: 'gateway',
      name: 'gateway',
      main: gatewayMain(build),
      env: {
        ...backend.gatewayEnv('guarded'),
        GATEWAY_PORT: String(gatewayPort),
        ...LIMITS_LIFTED,
        APPLICATIONS_PUBLIC_KEY_FILE: publicKeyFile,
      },
    });
    started.push(gateway);
    log(`starting the applications engine (schema ${schema})`);
    const engine = await startPiece(build, {
      // The engine is no kind of the load benchmark's tables; it calls the gateway as a subgraph would be called.
      kind: 'subgraph',
      name: 'applications engine',
      main: { file: join(build.root, `applications/main${build.loader === 'tsx' ? '.ts' : '.js'}`), args: [] },
      env: {
        DATA_DIR: join(backend.folder, 'data'),
        APPLICATIONS_PORT: String(await freePort()),
        APPLICATIONS_EXECUTOR_ID: 'bench',
        ...applicationsEnv,
      },
    });
    started.push(engine);
    return {
      backend,
      gateway,
      engine,
      graphqlUrl,
      schema,
      query: async (sql, values) => (await pool.query(sql, values)).rows,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
