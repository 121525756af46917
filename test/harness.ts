import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { CallerLimits } from '../gateway/limitCallers.js';
import { startGateway } from '../gateway/server.js';
import type { Faults, RunningLegacyServer, StatsSnapshot } from '../legacy-mocks/common/index.js';
import { loadDataSet, type DataSet } from '../legacy-mocks/data/index.js';
import type { DestinationStream } from 'pino';
import {
  openAccessLogStore,
  openCertificateRegister,
  type AccessLogStore,
  type CertificateRegister,
} from '../access-log/index.js';
import { createLogger } from '../core/operations/index.js';
import type { GatewayVerificationKey, SigningKey } from '../core/index.js';
import { startDepartment, type RunningServer, type RunningSubgraph } from '../subgraphs/kit/index.js';
import type { LegacyGuardOptions } from '../subgraphs/kit/resilience/index.js';
import {
  LEGACY_DEPARTMENT_NAMES,
  legacySettings,
  type Department,
  type LegacyDepartment,
} from '../registry/departments.js';
import { DEPARTMENT_MODULES } from '../registry/departmentModules.js';
import { STAND_IN_MODULES } from '../registry/standInModules.js';
import { spawnSubgraph, type SpawnedSubgraph } from './spawnSubgraph.js';
import { prepareStackApplications, type StackApplications } from './stackApplications.js';

/** A department with a legacy system of its own (registry/departments.ts). */
export type DepartmentName = LegacyDepartment;
/** Every subgraph: the departments' and the platform's. */
export type SubgraphName = Department;

export interface GraphResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

/** The claims of a portal caller's token, as an identity provider would issue them. */
export interface CallerClaims {
  kind: 'person' | 'company' | 'officer';
  sub: string;
  roles?: string[];
  azp?: string;
}

export interface QueryOptions {
  /** Sign a token with these claims (the test identity provider); omit for an anonymous caller. */
  as?: CallerClaims;
  /** A raw Authorization header value instead (to test bad tokens). */
  authorization?: string;
  /** The X-Purpose header. */
  purpose?: string;
}

export const TEST_ISSUER = 'city-graph-test-issuer';
export const TEST_AUDIENCE = 'city-graph';

export interface Stack {
  dataSet: DataSet;
  /** The test identity provider's key, to sign tokens (good and bad) in tests. */
  issuerKey: CryptoKey;
  /** The access log all subgraphs write to (a temp SQLite file, or `accessLogUrl`). */
  accessLog: AccessLogStore;
  /** The certificate register in the same database (at `accessLogUrl` when a test brings its own log). */
  certificates: CertificateRegister;
  /** The subgraphs that run as processes of their own (`outOfProcess`), to crash them. */
  processes: Partial<Record<DepartmentName, SpawnedSubgraph>>;
  /** The gateway's signing key pair: what a subgraph trusts. */
  gatewayKeys: { privateKey: CryptoKey; publicKey: CryptoKey };
  /** A token for these claims, as the portal's identity provider would sign it. */
  tokenFor(
    claims: CallerClaims,
    options?: { ttlSeconds?: number; issuer?: string; audience?: string },
  ): Promise<string>;
  gatewayUrl: string;
  /** The gateway's routes beside /graphql, as "METHOD /path" (gateway/server.ts). */
  gatewayRoutes: readonly string[];
  legacy: Record<DepartmentName, RunningLegacyServer>;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** Sends one operation to the gateway over HTTP, as a portal does. */
  query<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    options?: QueryOptions,
  ): Promise<GraphResponse<TData>>;
  /** Legacy calls counted by each system's own /__admin/stats. */
  legacyStats(): Promise<Record<DepartmentName, StatsSnapshot>>;
  /** Zeroes the counters and clears the faults of every legacy system. */
  resetLegacy(): Promise<void>;
  setFaults(department: DepartmentName, faults: Partial<Faults>): Promise<void>;
  /** The one-stop applications engine, when started with `applications: true`; null otherwise. */
  applications: StackApplications | null;
  close(): Promise<void>;
}

const DEPARTMENTS = LEGACY_DEPARTMENT_NAMES;

/**
 * The whole stack on ephemeral loopback ports, as `npm start` runs it but in this process:
 * real legacy servers, real subgraphs over HTTP, the gateway over HTTP.
 */
export interface StackOptions {
  legacyTimeoutMs?: number;
  /** Options of every in-process subgraph's legacy guard (small breakerResetMs, retries, ...). */
  legacyGuard?: Partial<LegacyGuardOptions>;
  policyFolder?: string;
  accessLog?: AccessLogStore;
  /** Where the access log is (a sqlite: or postgres: URL), for this process and the subgraph processes alike; default a temp SQLite file. */
  accessLogUrl?: string;
  /** Benchmarks only: the subgraphs record nothing (what the access log costs). */
  withoutAccessLog?: boolean;
  /** Benchmarks only: subgraphs with no caller check, no policy and no log (for stock gateways). */
  withoutProtections?: boolean;
  /** Where every service's log lines go (all levels); by default tests log nothing. */
  logs?: DestinationStream;
  /**
   * The gateway's per-caller limits (gateway/limitCallers.ts). By default out of the way: tests send
   * many requests as one caller in a few seconds; test/abuse/ sets them to try them.
   */
  callerLimits?: CallerLimits;
  /** Departments whose subgraph runs as its own process (as deployed), each writing its own chain of the shared access log. */
  outOfProcess?: readonly DepartmentName[];
  /** The gateway's signing key instead of the stack's own pair (a watched key file, to rotate it). */
  gatewaySigningKey?: SigningKey;
  /** What the in-process subgraphs trust instead of the stack's own public key (a published key set). */
  gatewayTrust?: GatewayVerificationKey;
  /**
   * The one-stop applications: a fresh schema in the machine's PostgreSQL, the platform's front
   * desk, and a worker in this process acting through the stack's gateway with short retry timings
   * (`{ inProcessWorker: false }`: none; a test starts worker processes, startEngineProcess).
   */
  applications?: boolean | { inProcessWorker: boolean };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataSet = loadDataSet();
  const started: Array<{ close(): Promise<void> }> = [];
  // Each stack has its own log unless the test brings one (to make it fail, or on PostgreSQL).
  const logFolder = mkdtempSync(join(tmpdir(), 'access-log-'));
  const accessLogUrl = options.accessLogUrl ?? `sqlite:${join(logFolder, 'access-log.db')}`;
  const separate = new Set(options.outOfProcess ?? []);
  const accessLog = options.accessLog ?? (await openAccessLogStore({ url: accessLogUrl }));
  const certificates = await openCertificateRegister({ url: accessLogUrl });
  started.push({
    close: async () => {
      await Promise.all([accessLog.close(), certificates.close()]);
      rmSync(logFolder, { recursive: true, force: true });
    },
  });
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const gatewayKeys = await generateKeyPair('ES256');
  const tokenFor: Stack['tokenFor'] = (claims, tokenOptions = {}) =>
    new SignJWT({ kind: claims.kind, roles: claims.roles ?? [], ...(claims.azp ? { azp: claims.azp } : {}) })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(claims.sub)
      .setIssuer(tokenOptions.issuer ?? TEST_ISSUER)
      .setAudience(tokenOptions.audience ?? TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (tokenOptions.ttlSeconds ?? 300))
      .sign(issuer.privateKey);
  try {
    const legacy = Object.fromEntries(
      await Promise.all(
        DEPARTMENTS.map(async (department) => [department, await STAND_IN_MODULES[department]({ dataSet })] as const),
      ),
    ) as Record<DepartmentName, RunningLegacyServer>;
    started.push(...Object.values(legacy));
    const settings = (department: DepartmentName, legacyUrl: string) => ({
      legacyUrl,
      legacyTimeoutMs: options.legacyTimeoutMs,
      legacyGuard: options.legacyGuard,
      gatewayKey: options.gatewayTrust ?? gatewayKeys.publicKey,
      accessLog: options.withoutAccessLog ? null : accessLog,
      certificates: options.withoutAccessLog ? null : certificates,
      withoutProtections: options.withoutProtections,
      ...(options.logs ? { logger: createLogger(`${department}-subgraph`, options.logs) } : {}),
      ...(options.policyFolder ? { policyFile: `${options.policyFolder}/${department}.yaml` } : {}),
    });
    const inProcess: Partial<Record<DepartmentName, RunningSubgraph>> = {};
    for (const department of DEPARTMENTS) {
      if (!separate.has(department))
        inProcess[department] = await startDepartment(
          DEPARTMENT_MODULES[department],
          settings(department, legacy[department].url),
        );
    }
    const applications = options.applications
      ? await prepareStackApplications(TEST_AUDIENCE, {
          inProcessWorker: options.applications === true || options.applications.inProcessWorker,
        })
      : null;
    if (applications) started.push(applications);
    const platform = await startDepartment(DEPARTMENT_MODULES.platform, {
      applications: applications?.desk ?? null,
      gatewayKey: options.gatewayTrust ?? gatewayKeys.publicKey,
      ...(options.logs ? { logger: createLogger('platform-subgraph', options.logs) } : {}),
      accessLog,
      certificates,
      ...(options.policyFolder ? { policyFile: `${options.policyFolder}/platform.yaml` } : {}),
    });
    const processes: Partial<Record<DepartmentName, SpawnedSubgraph>> = {};
    if (separate.size > 0) {
      const keyFile = join(logFolder, 'gateway.public.jwk.json');
      writeFileSync(keyFile, JSON.stringify(await exportJWK(gatewayKeys.publicKey)));
      for (const department of separate) {
        const spawned = await spawnSubgraph(department, {
          [legacySettings(department).urlVariable]: legacy[department].url,
          GATEWAY_PUBLIC_KEY_FILE: keyFile,
          AUDIT_DATABASE_URL: accessLogUrl,
          ...(options.policyFolder ? { PRIVACY_DIR: options.policyFolder } : {}),
          ...(options.legacyTimeoutMs ? { LEGACY_TIMEOUT_MS: String(options.legacyTimeoutMs) } : {}),
        });
        processes[department] = spawned;
        started.push(spawned);
      }
    }
    const asServer = (department: DepartmentName): RunningServer => ({
      url: processes[department]!.url,
      port: 0,
      httpServer: null as never,
      close: () => processes[department]!.close(),
    });
    const running = {
      ...(Object.fromEntries(
        DEPARTMENTS.map((department) => [department, inProcess[department] ?? asServer(department)]),
      ) as Record<DepartmentName, RunningServer>),
      platform,
    } satisfies Record<SubgraphName, RunningServer>;
    started.push(...Object.values(inProcess), platform);
    const gateway = await startGateway({
      identity: {
        keys: createLocalJWKSet({ keys: [await exportJWK(issuer.publicKey)] }),
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        ...(options.policyFolder ? { rolesFile: join(options.policyFolder, 'roles.yaml') } : {}),
        ...(applications ? { acting: applications.acting } : {}),
      },
      signingKey: options.gatewaySigningKey ?? { key: gatewayKeys.privateKey },
      ...(options.logs ? { logger: createLogger('gateway', options.logs) } : {}),
      callerLimits: options.callerLimits ?? { costPerWindow: 1_000_000_000, windowSeconds: 60, maxInFlight: 100_000 },
      // Tests stop a subgraph and ask /ready at once; test/abuse/routeAdmission.test.ts tries the reuse.
      operatorAnswerTtlMs: 0,
      supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
      subgraphUrls: Object.fromEntries(
        Object.entries(running).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]),
      ),
    });
    started.push(gateway);
    const runningApplications = applications ? await applications.start(gateway.url) : null;
    if (runningApplications) started.push(runningApplications);

    const admin = async (department: DepartmentName, path: string, init?: RequestInit) => {
      const response = await fetch(`${legacy[department].url}${path}`, init);
      if (!response.ok) throw new Error(`${department} ${path}: HTTP ${response.status}`);
      return response.json();
    };
    return {
      dataSet,
      issuerKey: issuer.privateKey,
      accessLog,
      certificates,
      processes,
      gatewayKeys,
      tokenFor,
      gatewayUrl: gateway.url,
      gatewayRoutes: gateway.routes,
      legacy,
      subgraphs: running,
      async query(document, variables, queryOptions = {}) {
        const query = typeof document === 'string' ? document : print(document);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (queryOptions.as) headers.authorization = `Bearer ${await tokenFor(queryOptions.as)}`;
        if (queryOptions.authorization !== undefined) headers.authorization = queryOptions.authorization;
        if (queryOptions.purpose) headers['x-purpose'] = queryOptions.purpose;
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as Omit<GraphResponse<never>, 'status' | 'headers'>;
        return { ...body, status: response.status, headers: response.headers } as GraphResponse<never>;
      },
      async legacyStats() {
        const entries = await Promise.all(
          DEPARTMENTS.map(async (name) => [name, (await admin(name, '/__admin/stats')) as StatsSnapshot] as const),
        );
        return Object.fromEntries(entries) as Record<DepartmentName, StatsSnapshot>;
      },
      async resetLegacy() {
        await Promise.all(DEPARTMENTS.map((name) => admin(name, '/__admin/reset', { method: 'POST' })));
      },
      async setFaults(department, faults) {
        await admin(department, '/__admin/faults', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(faults),
        });
      },
      applications: runningApplications,
      async close() {
        // The worker first, then the gateway and subgraphs, then the applications' database: newest first, in turn.
        if (runningApplications) await started.pop()!.close();
        await Promise.all(started.reverse().map((server) => server.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((server) => server.close()));
    throw error;
  }
}
