/**
 * `npm run bench:replicas`: what more replicas buy (issue 24). The citizen dashboard through
 * HAProxy, as test/replicas.test.ts runs the production topology (test/haproxyConfig.ts), with
 * 1, 2 and 4 gateway processes and 1 or 2 processes of each department's subgraph, every piece
 * started with plain `node` from a build made as `npm run build` makes it, the access log in
 * PostgreSQL, the limits in Redis, the three legacy stand-ins as processes of their own. Each
 * topology gets the same load (autocannon, in this process) and its requests per second, p99 and
 * CPU per request (every process's user + system time from /proc over the measured window) go
 * side by side into bench/RESULTS.md's "Replicas" section.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Redis } from 'ioredis';
import { repositoryRoot } from '../core/repositoryRoot.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  LEGACY_DEPARTMENT_NAMES,
  type Department,
} from '../registry/departments.js';
import { postgresBackend, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import type { CallerClaims } from '../test/harness.js';
import { freePortBelowEphemeralRange, haproxyConfig } from '../test/haproxyConfig.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { stopChild } from './forkBenchProcess.js';
import { cpuMilliseconds, peakMemoryBytes, resetPeakMemory } from './readProcessUsage.js';
import { citizenDashboard } from './scenarios/citizenDashboard.js';
import { writeResultsSection } from './writeResultsSection.js';

/** The topologies, in the table's order: gateways, and processes of each department's subgraph. */
const TOPOLOGIES = [
  { gateways: 1, subgraphs: 1 },
  { gateways: 2, subgraphs: 1 },
  { gateways: 2, subgraphs: 2 },
  { gateways: 4, subgraphs: 2 },
] as const;
/** Callers in flight at once, the same for every topology: enough to keep four gateways busy. */
const CONNECTIONS = 16;
const WARM_UP_SECONDS = 5;
const WINDOW_SECONDS = 20;
const ISSUER = 'city-graph-bench-issuer';
const REDIS_URL = 'redis://127.0.0.1:6379';

const exec = promisify(execFile);
const root = repositoryRoot();
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** A process started from the build, and which kind of piece it is, for the CPU columns. */
interface Piece {
  kind: 'gateway' | 'subgraph' | 'stand-in' | 'haproxy';
  child: ChildProcess;
}

/** Why the benchmark cannot run here, or null. */
async function missing(): Promise<string | null> {
  if (spawnSync('haproxy', ['-v']).status !== 0) return 'haproxy is not installed (apt-get install haproxy)';
  const postgres = await postgresBackend.unavailable();
  if (postgres) return postgres;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
  try {
    await redis.connect();
    return null;
  } catch (error) {
    return `no Redis at ${REDIS_URL}: ${(error as Error).message}`;
  } finally {
    redis.disconnect();
  }
}

const freePort = freePortBelowEphemeralRange;

/** `node dist/<file>` with the environment given, resolved once it says where it listens. */
function startBuilt(
  out: string,
  kind: Piece['kind'],
  file: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<Piece> {
  const child = spawn(process.execPath, ['--enable-source-maps', join(out, file), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    // Log lines are read and dropped, as a deployment ships them elsewhere.
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (/listening on /.test(output)) {
        ready = true;
        resolve({ kind, child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}):\n${output.slice(-2_000)}`)));
  });
}

interface Row {
  gateways: number;
  subgraphs: number;
  figures: LoadFigures;
  /** CPU ms per answered request, all processes together and by kind. */
  cpuMs: Record<Piece['kind'] | 'all', number>;
  /** Peak resident memory of one process, the largest of its kind, MB. */
  peakMb: { gateway: number; subgraph: number };
}

const round = (value: number, digits = 1) => value.toFixed(digits);

async function measure(
  out: string,
  folder: string,
  topology: (typeof TOPOLOGIES)[number],
  standIns: readonly Piece[],
  legacyUrls: Record<string, string>,
  tokenFor: (claims: CallerClaims) => Promise<string>,
): Promise<Row> {
  const accessLog: TempAccessLog = await postgresBackend.create();
  const prefix = `bench-replicas-${process.pid}-${topology.gateways}-${topology.subgraphs}`;
  const pieces: Piece[] = [];
  try {
    const front = await freePort();
    const gatewayPorts = await Promise.all(Array.from({ length: topology.gateways }, freePort));
    const fronts = Object.fromEntries(
      await Promise.all(DEPARTMENT_NAMES.map(async (name) => [name, await freePort()] as const)),
    ) as Record<Department, number>;
    const ports = Object.fromEntries(
      await Promise.all(
        DEPARTMENT_NAMES.map(async (name) => [
          name,
          await Promise.all(Array.from({ length: topology.subgraphs }, freePort)),
        ]),
      ),
    ) as Record<Department, number[]>;
    const config = join(folder, `haproxy-${topology.gateways}-${topology.subgraphs}.cfg`);
    writeFileSync(
      config,
      haproxyConfig({
        gateway: { bind: front, servers: gatewayPorts },
        subgraphs: DEPARTMENT_NAMES.map((name) => ({ name, bind: fronts[name], servers: ports[name] })),
      }),
    );
    pieces.push({ kind: 'haproxy', child: spawn('haproxy', ['-f', config, '-db'], { stdio: 'ignore' }) });
    const gatewayUrl = `http://127.0.0.1:${front}`;
    const starting: Array<Promise<Piece>> = [];
    for (const name of DEPARTMENT_NAMES) {
      const settings = departmentSettings(name);
      ports[name].forEach((port, replica) =>
        starting.push(
          startBuilt(
            out,
            'subgraph',
            'subgraphs/main.js',
            {
              DATA_DIR: join(folder, 'data'),
              AUDIT_DATABASE_URL: accessLog.url,
              AUDIT_CHAIN: `${name}-${replica}`,
              [settings.subgraphPortVariable]: String(port),
              ...(settings.legacy ? { [settings.legacy.urlVariable]: legacyUrls[name]! } : {}),
              GATEWAY_JWKS_FILE: join(folder, 'gateway.jwks.json'),
            },
            [name],
          ),
        ),
      );
    }
    for (const port of gatewayPorts)
      starting.push(
        startBuilt(out, 'gateway', 'gateway/main.js', {
          DATA_DIR: join(folder, 'data'),
          GATEWAY_PORT: String(port),
          ...Object.fromEntries(
            DEPARTMENT_NAMES.map((name) => [
              departmentSettings(name).subgraphUrlVariable,
              `http://127.0.0.1:${fronts[name]}/graphql`,
            ]),
          ),
          AUTH_JWKS_FILE: join(folder, 'issuer.jwks.json'),
          AUTH_ISSUER: ISSUER,
          GATEWAY_PRIVATE_KEY_FILE: join(folder, 'gateway.private.jwk.json'),
          GATEWAY_JWKS_FILE: join(folder, 'gateway.jwks.json'),
          REDIS_URL,
          GATEWAY_RATE_LIMIT_PREFIX: prefix,
          // The per-caller limits out of the way: the benchmark's fifty callers ask far more than a person would.
          GATEWAY_RATE_LIMIT_COST: '100000000',
          GATEWAY_MAX_IN_FLIGHT: '1000',
        }),
      );
    pieces.push(...(await Promise.all(starting)));
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`${gatewayUrl}/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      if (attempt > 300) throw new Error('the gateways never became ready through HAProxy');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const request = await graphqlRequest(`${gatewayUrl}/graphql`, citizenDashboard(loadDataSet()), {
      document: 'portal',
      tokenFor,
    });
    await driveLoad(request, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
    const everyone = [...pieces, ...standIns];
    for (const piece of everyone) resetPeakMemory(piece.child.pid!);
    const before = everyone.map((piece) => cpuMilliseconds(piece.child.pid!));
    const figures = await driveLoad(request, { connections: CONNECTIONS, seconds: WINDOW_SECONDS });
    const spent = everyone.map((piece, index) => cpuMilliseconds(piece.child.pid!) - before[index]!);
    const perRequest = (kind?: Piece['kind']) =>
      everyone.reduce((sum, piece, index) => (kind && piece.kind !== kind ? sum : sum + spent[index]!), 0) /
      Math.max(1, figures.answered);
    const peak = (kind: Piece['kind']) =>
      Math.max(...pieces.filter((piece) => piece.kind === kind).map((piece) => peakMemoryBytes(piece.child.pid!))) /
      2 ** 20;
    return {
      ...topology,
      figures,
      cpuMs: {
        all: perRequest(),
        gateway: perRequest('gateway'),
        subgraph: perRequest('subgraph'),
        'stand-in': perRequest('stand-in'),
        haproxy: perRequest('haproxy'),
      },
      peakMb: { gateway: peak('gateway'), subgraph: peak('subgraph') },
    };
  } finally {
    await Promise.all(pieces.map((piece) => stopChild(piece.child)));
    await accessLog.dispose();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

function render(rows: readonly Row[], context: { startedAt: Date; seconds: number; load: number[][] }): string {
  const [first] = rows;
  const ratio = (value: number, base: number) => `${round(value, value >= 100 ? 0 : 1)} (${(value / base).toFixed(2)})`;
  const lines = [
    `Generated by \`npm run bench:replicas\` on ${context.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ` +
      `${Math.round(context.seconds)} s: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ` +
      `${process.version}, load average ${round(context.load[0]![0]!, 2)} before and ${round(context.load[1]![0]!, 2)} ` +
      `after (1 min; the machine is shared). The citizen dashboard (50 citizens, each with a token), ${CONNECTIONS} ` +
      `connections (autocannon, in the benchmark's own process, on the same cores), ${WARM_UP_SECONDS} s warm-up then ` +
      `${WINDOW_SECONDS} s measured per topology. Every piece runs with plain \`node\` from a fresh build, logs at ` +
      `info; the access log in PostgreSQL (a fresh schema per topology), the limits in Redis, HAProxy in front of the ` +
      `gateways and of each department's subgraphs (test/haproxyConfig.ts), the three legacy stand-ins (latency 0) as ` +
      'processes of their own. CPU is user + system time from /proc of every process over the window, per answered ' +
      'request; "answers per CPU-second" is 1,000 divided by the total. Ratios are to the first row.',
    '',
    '| gateways × subgraph processes per department | requests/s | p50 ms | p99 ms | failed | CPU ms per request, all | gateways | subgraphs | stand-ins | HAProxy | answers per CPU-second | peak MB, one gateway | peak MB, one subgraph |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map((row) =>
        [
          `${row.gateways} × ${row.subgraphs}`,
          ratio(row.figures.requestsPerSecond, first!.figures.requestsPerSecond),
          ratio(row.figures.p50Ms, first!.figures.p50Ms),
          ratio(row.figures.p99Ms, first!.figures.p99Ms),
          String(row.figures.failed),
          ratio(row.cpuMs.all, first!.cpuMs.all),
          round(row.cpuMs.gateway, 2),
          round(row.cpuMs.subgraph, 2),
          round(row.cpuMs['stand-in'], 2),
          round(row.cpuMs.haproxy, 2),
          round(1_000 / row.cpuMs.all, 0),
          round(row.peakMb.gateway, 0),
          round(row.peakMb.subgraph, 0),
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  return lines.join('\n');
}

const reason = await missing();
if (reason) {
  process.stderr.write(`bench:replicas cannot run here: ${reason}\n`);
  process.exit(1);
}
const startedAt = new Date();
const loadBefore = os.loadavg();
const out = join(root, `dist-bench-replicas-${process.pid}`);
const folder = mkdtempSync(join(os.tmpdir(), 'bench-replicas-'));
const standIns: Piece[] = [];
try {
  log('building into a folder of its own (npm run build, as test/build.test.ts does)');
  await exec(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out], {
    cwd: root,
  });
  await exec(process.execPath, ['--import', 'tsx', 'scripts/copyBuildAssets.ts', out], { cwd: root });

  const issuer = await generateKeyPair('ES256', { extractable: true });
  writeFileSync(join(folder, 'issuer.jwks.json'), JSON.stringify({ keys: [await exportJWK(issuer.publicKey)] }));
  const gatewayKey = await generateKeyPair('ES256', { extractable: true });
  const kid = 'gateway-bench-replicas';
  writeFileSync(
    join(folder, 'gateway.private.jwk.json'),
    JSON.stringify({ ...(await exportJWK(gatewayKey.privateKey)), kid, alg: 'ES256' }),
  );
  writeFileSync(
    join(folder, 'gateway.jwks.json'),
    JSON.stringify({ keys: [{ ...(await exportJWK(gatewayKey.publicKey)), kid, alg: 'ES256', use: 'sig' }] }),
  );
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (claims: CallerClaims) => {
    const key = `${claims.kind}:${claims.sub}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        new SignJWT({ kind: claims.kind, roles: claims.roles ?? [] })
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject(claims.sub)
          .setIssuer(ISSUER)
          .setAudience('city-graph')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(issuer.privateKey),
      );
    return tokens.get(key)!;
  };

  log('starting the legacy stand-ins');
  const legacyUrls: Record<string, string> = {};
  for (const name of LEGACY_DEPARTMENT_NAMES) {
    const legacy = departmentSettings(name).legacy!;
    const port = await freePort();
    standIns.push(
      await startBuilt(
        out,
        'stand-in',
        'legacy-mocks/main.js',
        { DATA_DIR: join(folder, 'data'), [legacy.portVariable]: String(port) },
        [name],
      ),
    );
    legacyUrls[name] = `http://127.0.0.1:${port}`;
  }

  const rows: Row[] = [];
  for (const topology of TOPOLOGIES) {
    log(`${topology.gateways} gateway(s), ${topology.subgraphs} process(es) of each subgraph`);
    const row = await measure(out, folder, topology, standIns, legacyUrls, tokenFor);
    log(
      `  ${round(row.figures.requestsPerSecond)} requests/s, p99 ${round(row.figures.p99Ms)} ms, ` +
        `${round(row.cpuMs.all, 2)} CPU ms per request, ${row.figures.failed} failed`,
    );
    rows.push(row);
  }
  const markdown = render(rows, {
    startedAt,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    load: [loadBefore, os.loadavg()],
  });
  writeResultsSection(
    new URL('./RESULTS.md', import.meta.url).pathname,
    'Replicas: the citizen dashboard through HAProxy (`npm run bench:replicas`)',
    markdown,
    {
      name: 'replicas benchmark',
      command: 'npm run bench:replicas',
    },
  );
  process.stdout.write(`${markdown}\n`);
} finally {
  await Promise.all(standIns.map((piece) => stopChild(piece.child)));
  rmSync(out, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
}
