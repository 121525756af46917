import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { Redis } from 'ioredis';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDashboardDocument } from '../examples/generated/operations.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import type { RunningLegacyServer } from '../legacy-mocks/common/index.js';
import { STAND_IN_MODULES } from '../registry/standInModules.js';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  LEGACY_DEPARTMENT_NAMES,
  type Department,
} from '../registry/departments.js';
import { verifyAccessLog, type AccessLogStore, type AccessRecord } from '../access-log/index.js';
import { postgresBackend, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import { freePortBelowEphemeralRange, haproxyConfig } from './haproxyConfig.js';

/**
 * The production topology, run (docs/production.md, "Replicas"): two gateway processes and two
 * processes of each subgraph behind HAProxy, the access log in PostgreSQL and the per-caller
 * limits in Redis. Under load one gateway and one subgraph replica are killed (SIGKILL): only
 * requests in flight then may fail, the survivors carry on, every chain verifies and every
 * answer given has its record; a policy change then reaches every surviving replica.
 */
const REDIS_URL = process.env.REPLICAS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function skipReason(): Promise<string | null> {
  const postgres = await postgresBackend.unavailable();
  if (postgres) return postgres;
  if (spawnSync('haproxy', ['-v']).status !== 0)
    return 'haproxy is not installed (.ci/run installs it: apt-get install haproxy)';
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `no Redis reachable at ${REDIS_URL}: ${(error as Error).message}`;
  } finally {
    redis.disconnect();
  }
}
const skip = await skipReason();
if (skip) console.warn(`test/replicas.test.ts skipped: ${skip}`);

const freePort = freePortBelowEphemeralRange;

interface Piece {
  name: string;
  port: number;
  child: ChildProcess;
  /** The last output, for a failure's message. */
  tail(): string;
}

const pieces: Piece[] = [];
let haproxy: ChildProcess | undefined;
const legacy: Partial<Record<Department, RunningLegacyServer>> = {};
const folder = mkdtempSync(join(tmpdir(), 'replicas-'));
let log: TempAccessLog | undefined;
let store: AccessLogStore;
const rateLimitPrefix = `replicas-test-${randomBytes(4).toString('hex')}`;
let gatewayUrl = '';
let issuerKey: CryptoKey;
const dataSet = loadDataSet();

/** Starts one piece from its sources (tsx), waiting for its listening line. */
function startPiece(
  name: string,
  command: readonly string[],
  port: number,
  env: Record<string, string>,
): Promise<Piece> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...command], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: join(folder, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  const piece: Piece = { name, port, child, tail: () => output };
  pieces.push(piece);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (output.includes('listening on')) resolve(piece);
    });
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}):\n${output}`)));
  });
}

async function stopAll(): Promise<void> {
  const children = [...pieces.map((piece) => piece.child), ...(haproxy ? [haproxy] : [])];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Asks again until the condition holds, a bounded number of times (no fixed sleep decides). */
async function eventually(condition: () => Promise<boolean> | boolean, what: string, attempts = 1_200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (
      await Promise.resolve()
        .then(condition)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

beforeAll(async () => {
  if (skip) return;
  log = await postgresBackend.create();
  store = await log.open();
  const privacyDir = join(folder, 'privacy');
  cpSync(new URL('../privacy', import.meta.url), privacyDir, { recursive: true });
  // The portal's identity provider, and the gateway's own key, published by kid.
  const issuer = await generateKeyPair('ES256', { extractable: true });
  issuerKey = issuer.privateKey;
  writeFileSync(join(folder, 'issuer.jwks.json'), JSON.stringify({ keys: [await exportJWK(issuer.publicKey)] }));
  const gatewayKey = await generateKeyPair('ES256', { extractable: true });
  const kid = 'gateway-replicas-1';
  writeFileSync(
    join(folder, 'gateway.private.jwk.json'),
    JSON.stringify({ ...(await exportJWK(gatewayKey.privateKey)), kid, alg: 'ES256' }),
  );
  writeFileSync(
    join(folder, 'gateway.jwks.json'),
    JSON.stringify({ keys: [{ ...(await exportJWK(gatewayKey.publicKey)), kid, alg: 'ES256', use: 'sig' }] }),
  );

  for (const department of LEGACY_DEPARTMENT_NAMES)
    legacy[department] = await STAND_IN_MODULES[department]({ dataSet });

  // Ports first, so HAProxy's configuration can name every replica before any starts.
  const gatewayFront = await freePort();
  const gatewayPorts = [await freePort(), await freePort()];
  const subgraphFronts = Object.fromEntries(
    await Promise.all(DEPARTMENT_NAMES.map(async (name) => [name, await freePort()] as const)),
  ) as Record<Department, number>;
  const subgraphPorts = Object.fromEntries(
    await Promise.all(DEPARTMENT_NAMES.map(async (name) => [name, [await freePort(), await freePort()]])),
  ) as Record<Department, number[]>;
  const config = join(folder, 'haproxy.cfg');
  writeFileSync(
    config,
    haproxyConfig({
      gateway: { bind: gatewayFront, servers: gatewayPorts },
      subgraphs: DEPARTMENT_NAMES.map((name) => ({
        name,
        bind: subgraphFronts[name],
        servers: subgraphPorts[name],
      })),
    }),
  );
  haproxy = spawn('haproxy', ['-f', config, '-db'], { stdio: 'ignore' });
  gatewayUrl = `http://127.0.0.1:${gatewayFront}`;

  const shared = { AUDIT_DATABASE_URL: log.url, PRIVACY_DIR: privacyDir };
  const starting: Array<Promise<Piece>> = [];
  for (const name of DEPARTMENT_NAMES) {
    const settings = departmentSettings(name);
    subgraphPorts[name].forEach((port, replica) =>
      starting.push(
        startPiece(`${name}-${replica}`, ['subgraphs/main.ts', name], port, {
          ...shared,
          [settings.subgraphPortVariable]: String(port),
          ...(settings.legacy ? { [settings.legacy.urlVariable]: legacy[name]!.url } : {}),
          // The gateway's published keys, from the gateways themselves through the balancer.
          GATEWAY_JWKS_URL: `${gatewayUrl}/internal/jwks.json`,
          AUDIT_CHAIN: `${name}-${replica}`,
        }),
      ),
    );
  }
  gatewayPorts.forEach((port, replica) =>
    starting.push(
      startPiece(`gateway-${replica}`, ['gateway/main.ts'], port, {
        ...shared,
        GATEWAY_PORT: String(port),
        ...Object.fromEntries(
          DEPARTMENT_NAMES.map((name) => [
            departmentSettings(name).subgraphUrlVariable,
            `http://127.0.0.1:${subgraphFronts[name]}/graphql`,
          ]),
        ),
        AUTH_JWKS_FILE: join(folder, 'issuer.jwks.json'),
        AUTH_ISSUER: 'replicas-test-issuer',
        GATEWAY_PRIVATE_KEY_FILE: join(folder, 'gateway.private.jwk.json'),
        GATEWAY_JWKS_FILE: join(folder, 'gateway.jwks.json'),
        REDIS_URL,
        GATEWAY_RATE_LIMIT_PREFIX: rateLimitPrefix,
        GATEWAY_RATE_LIMIT_COST: '100000000',
        GATEWAY_MAX_IN_FLIGHT: '1000',
        // HAProxy (on loopback) appends the caller's address to X-Forwarded-For, as deploy/haproxy.cfg does.
        TRUSTED_PROXIES: '127.0.0.1',
      }),
    ),
  );
  await Promise.all(starting);
  // Ready through the balancer: both gateways and every subgraph behind it answer.
  await eventually(async () => (await fetch(`${gatewayUrl}/ready`)).status === 200, 'the gateways ready');
}, 240_000);

afterAll(async () => {
  await stopAll();
  await Promise.all(Object.values(legacy).map((server) => server.close()));
  await log?.dispose();
  if (!skip) {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${rateLimitPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  rmSync(folder, { recursive: true, force: true });
}, 30_000);

interface Outcome {
  person: string;
  startedAt: number;
  ok: boolean;
  requestId: string | null;
  problem?: string;
}

describe.skipIf(skip !== null)('two replicas of every piece behind HAProxy', () => {
  it('loses only what was in flight when a gateway and a subgraph replica die, and every record is kept', async () => {
    const persons = dataSet.residents.slice(0, 8).map((resident) => resident.id);
    const tokens = new Map<string, string>();
    for (const person of persons)
      tokens.set(
        person,
        await new SignJWT({ kind: 'person', roles: [] })
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject(person)
          .setIssuer('replicas-test-issuer')
          .setAudience('city-graph')
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(issuerKey),
      );
    const query = print(CitizenDashboardDocument);
    const outcomes: Outcome[] = [];
    let running = true;
    const ask = async (person: string): Promise<Outcome> => {
      const startedAt = performance.now();
      try {
        const response = await fetch(`${gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(person)}` },
          body: JSON.stringify({ query, variables: { year: 2025 } }),
        });
        const text = await response.text();
        if (!text.startsWith('{'))
          return { person, startedAt, ok: false, requestId: null, problem: `${response.status} ${text.slice(0, 200)}` };
        const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
        const ok = response.status === 200 && (body.errors ?? []).length === 0;
        return {
          person,
          startedAt,
          ok,
          requestId: response.headers.get('x-request-id'),
          ...(ok ? {} : { problem: `${response.status} ${JSON.stringify(body.errors ?? []).slice(0, 300)}` }),
        };
      } catch (error) {
        return { person, startedAt, ok: false, requestId: null, problem: (error as Error).message };
      }
    };
    const workers = persons.map(async (person) => {
      while (running) outcomes.push(await ask(person));
    });
    const completed = (count: number) => () => outcomes.length >= count;

    await eventually(completed(40), 'answers before the kills');
    // SIGKILL: no clean-up, as a crashed machine or an OOM kill would. A request is in flight on
    // a killed process if it started before the process was gone (its exit seen here).
    const killed = ['gateway-0', 'social-0'].map((name) => pieces.find((piece) => piece.name === name)!.child);
    const gone = killed.map(
      (child) => new Promise<number>((resolve) => child.once('exit', () => resolve(performance.now()))),
    );
    for (const child of killed) child.kill('SIGKILL');
    const killedAt = Math.max(...(await Promise.all(gone)));
    const afterKill = outcomes.length;
    await eventually(completed(afterKill + 80), 'answers from the survivors');
    // A policy change: every department's file gains a line; each surviving replica reloads it.
    const before = await recordsByChain();
    const oldVersions = new Map([...before.values()].flat().map((record) => [record.department, record.policy]));
    for (const name of LEGACY_DEPARTMENT_NAMES)
      appendFileSync(join(folder, 'privacy', `${name}.yaml`), '\n# revised: replicas test\n');
    const survivors = [...before.keys()].filter((chain) => chain !== 'social-0' && !chain.startsWith('platform-'));
    const newVersion = async (chain: string) =>
      (await recordsByChain()).get(chain)?.some((record) => record.policy !== oldVersions.get(record.department));
    await eventually(async () => (await Promise.all(survivors.map(newVersion))).every(Boolean), 'the new policy');
    running = false;
    await Promise.all(workers);

    // Only requests in flight at the kill failed; everything asked afterwards was answered.
    const failed = outcomes.filter((outcome) => !outcome.ok);
    expect(failed.filter((outcome) => outcome.startedAt > killedAt)).toEqual([]);
    // At most one request per caller can be in flight: each asks again only once answered.
    expect(failed.length).toBeLessThanOrEqual(persons.length);
    expect(outcomes.filter((outcome) => outcome.ok && outcome.startedAt > killedAt).length).toBeGreaterThan(80);

    // Every chain verifies, the killed replica's included.
    const verdict = await verifyAccessLog(store);
    expect(verdict).toMatchObject({ ok: true });
    const records = await recordsByChain();
    expect([...records.keys()].sort()).toEqual(expect.arrayContaining(['market-0', 'market-1', 'social-0']));

    // No record lost: every answer given has its records, in as many departments as the person's first answer.
    const byRequest = new Map<string, Set<string>>();
    for (const record of [...records.values()].flat()) {
      const departments = byRequest.get(record.requestId) ?? new Set<string>();
      departments.add(record.department);
      byRequest.set(record.requestId, departments);
    }
    const expected = new Map<string, number>();
    for (const outcome of outcomes.filter((candidate) => candidate.ok)) {
      const departments = byRequest.get(outcome.requestId!)?.size ?? 0;
      if (!expected.has(outcome.person)) expected.set(outcome.person, departments);
      expect({ request: outcome.requestId, departments }).toEqual({
        request: outcome.requestId,
        departments: expected.get(outcome.person),
      });
    }
    expect([...expected.values()].every((departments) => departments > 0)).toBe(true);

    // The policy version every surviving replica of a department records is the same one.
    for (const name of LEGACY_DEPARTMENT_NAMES) {
      const latest = survivors
        .filter((chain) => chain.startsWith(`${name}-`))
        .map((chain) => records.get(chain)!.at(-1)!.policy);
      expect(new Set(latest).size).toBe(1);
      expect(latest[0]).not.toBe(oldVersions.get(name));
    }

    // Both gateways counted in the same Redis.
    const redis = new Redis(REDIS_URL);
    expect((await redis.keys(`${rateLimitPrefix}*`)).length).toBeGreaterThan(0);
    redis.disconnect();
  }, 300_000);
});

async function recordsByChain(): Promise<Map<string, AccessRecord[]>> {
  const chains = new Map<string, AccessRecord[]>();
  for await (const record of store.readAll()) {
    const list = chains.get(record.chain) ?? [];
    list.push(record);
    chains.set(record.chain, list);
  }
  return chains;
}
