import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  LEGACY_DEPARTMENT_NAMES,
  type Department,
  type LegacyDepartment,
} from '../../registry/departments.js';
import type { CallerClaims } from '../../test/harness.js';
import { freePortBelowEphemeralRange as freePort } from '../../test/haproxyConfig.js';
import { standInMain, subgraphMain, type PieceBuild } from './PieceBuild.js';
import { startPiece, type Piece } from './startPiece.js';

export const BENCH_ISSUER = 'city-graph-bench-issuer';
export const BENCH_AUDIENCE = 'city-graph';
const OPEN_SUBGRAPH_ENTRY = new URL('../processes/openSubgraphProcess.mjs', import.meta.url).pathname;

export type SubgraphUrls = Record<Department, string>;

/** The graph behind the gateways, each piece its own process: what every contender is pointed at. */
export interface DeployedBackend {
  build: PieceBuild;
  /** Each legacy system's base URL (with /__admin/stats, /__admin/reset, /__admin/faults). */
  legacy: Record<LegacyDepartment, string>;
  /** Subgraphs as deployed (caller check, privacy policy, access log): contender 1. */
  guardedSubgraphs: SubgraphUrls;
  /** Subgraphs without protections (bench-only entry): contenders 2-4; the platform's is the guarded one (portal queries never reach it). */
  openSubgraphs: SubgraphUrls;
  /** Every process of the back end, for the per-piece CPU and memory. */
  pieces: Piece[];
  /** The environment a gateway of this back end needs besides its port and limits: subgraph URLs, keys, issuer. */
  gatewayEnv(subgraphs: 'guarded' | 'open'): Record<string, string>;
  /** A portal token of the bench's issuer for these claims, valid for an hour. */
  tokenFor(claims: CallerClaims): Promise<string>;
  /** A token with any claims and lifetime (e.g. one that never expires). */
  sign(claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }): Promise<string>;
  /** The gateway's public key (JWK), which the subgraphs trust. */
  gatewayPublicJwk: object;
  /** A folder for this run's files (DATA_DIR of every piece). */
  folder: string;
  stop(): Promise<void>;
}

/**
 * Starts the back end as production runs it, from `build`: each department's legacy stand-in
 * (`legacy-mocks/main.js <department>`) and subgraph (`subgraphs/main.js <department>`, the
 * access log in one SQLite file under DATA_DIR, as `npm start` has it, a chain per process) in a
 * process of its own; with `open`, also each legacy department's subgraph without protections.
 */
export async function startDeployedBackend(
  build: PieceBuild,
  options: { open: boolean; log: (line: string) => void; execArgvFor?: (pieceName: string) => string[] },
): Promise<DeployedBackend> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-deployed-'));
  const pieces: Piece[] = [];
  const execArgvFor = options.execArgvFor ?? (() => []);
  let stopped: Promise<void> | null = null;
  // Subgraphs first, then what they call; once, however often it is asked.
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.allSettled(pieces.filter((piece) => piece.kind !== 'stand-in').map((piece) => piece.stop()));
      await Promise.allSettled(pieces.filter((piece) => piece.kind === 'stand-in').map((piece) => piece.stop()));
      rmSync(folder, { recursive: true, force: true });
    })());
  try {
    const keys = await writeKeys(folder);
    const common = { DATA_DIR: join(folder, 'data') };
    options.log(`starting the legacy stand-ins from ${build.label}`);
    const legacy = {} as Record<LegacyDepartment, string>;
    const standIns = await Promise.all(
      LEGACY_DEPARTMENT_NAMES.map(async (name) => {
        const port = await freePort();
        const env = { ...common, [departmentSettings(name).legacy!.portVariable]: String(port) };
        legacy[name] = `http://127.0.0.1:${port}`;
        const pieceName = `stand-in ${name}`;
        const main = standInMain(build, name);
        return startPiece(build, { kind: 'stand-in', name: pieceName, main, env, execArgv: execArgvFor(pieceName) });
      }),
    );
    pieces.push(...standIns);
    options.log(`starting the subgraphs${options.open ? ' (with protections, and without)' : ''}`);
    const guarded = {} as SubgraphUrls;
    const open = {} as SubgraphUrls;
    const starting: Array<Promise<Piece>> = DEPARTMENT_NAMES.map(async (name) => {
      const settings = departmentSettings(name);
      const port = await freePort();
      guarded[name] = `http://127.0.0.1:${port}/graphql`;
      const env = {
        ...common,
        [settings.subgraphPortVariable]: String(port),
        ...(settings.legacy ? { [settings.legacy.urlVariable]: legacy[name as LegacyDepartment] } : {}),
        GATEWAY_JWKS_FILE: keys.gatewayJwksFile,
      };
      const pieceName = `subgraph ${name}`;
      const main = subgraphMain(build, name);
      return startPiece(build, { kind: 'subgraph', name: pieceName, main, env, execArgv: execArgvFor(pieceName) });
    });
    if (options.open)
      for (const name of LEGACY_DEPARTMENT_NAMES)
        starting.push(
          (async () => {
            const port = await freePort();
            open[name] = `http://127.0.0.1:${port}/graphql`;
            const env = {
              ...common,
              BENCH_BUILD_ROOT: build.root,
              BENCH_OPEN_SUBGRAPH: JSON.stringify({
                port,
                legacyUrl: legacy[name],
                gatewayPublicJwk: keys.gatewayPublicJwk,
              }),
            };
            const main = { file: OPEN_SUBGRAPH_ENTRY, args: [name] };
            const pieceName = `open subgraph ${name}`;
            return startPiece(build, {
              kind: 'open subgraph',
              name: pieceName,
              main,
              env,
              execArgv: execArgvFor(pieceName),
            });
          })(),
        );
    const settled = await Promise.allSettled(starting);
    for (const result of settled) if (result.status === 'fulfilled') pieces.push(result.value);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    open.platform = guarded.platform;
    const gatewayEnv = (subgraphs: 'guarded' | 'open') => ({
      ...common,
      ...Object.fromEntries(
        DEPARTMENT_NAMES.map((name) => [
          departmentSettings(name).subgraphUrlVariable,
          (subgraphs === 'guarded' ? guarded : open)[name],
        ]),
      ),
      AUTH_JWKS_FILE: keys.issuerJwksFile,
      AUTH_ISSUER: BENCH_ISSUER,
      AUTH_AUDIENCE: BENCH_AUDIENCE,
      GATEWAY_PRIVATE_KEY_FILE: keys.gatewayPrivateFile,
      GATEWAY_JWKS_FILE: keys.gatewayJwksFile,
    });
    return {
      build,
      legacy,
      guardedSubgraphs: guarded,
      openSubgraphs: open,
      pieces,
      gatewayEnv,
      tokenFor: (claims) => keys.tokenFor(claims),
      sign: keys.sign,
      gatewayPublicJwk: keys.gatewayPublicJwk,
      folder,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The bench's identity provider and the gateway's key pair, as files the pieces read (AUTH_JWKS_FILE, GATEWAY_*). */
async function writeKeys(folder: string) {
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const issuerJwksFile = join(folder, 'issuer.jwks.json');
  writeFileSync(issuerJwksFile, JSON.stringify({ keys: [await exportJWK(issuer.publicKey)] }));
  const gateway = await generateKeyPair('ES256', { extractable: true });
  const kid = 'gateway-bench';
  const gatewayPrivateFile = join(folder, 'gateway.private.jwk.json');
  const gatewayJwksFile = join(folder, 'gateway.jwks.json');
  const gatewayPublicJwk = { ...(await exportJWK(gateway.publicKey)), kid, alg: 'ES256', use: 'sig' };
  writeFileSync(gatewayPrivateFile, JSON.stringify({ ...(await exportJWK(gateway.privateKey)), kid, alg: 'ES256' }));
  writeFileSync(gatewayJwksFile, JSON.stringify({ keys: [gatewayPublicJwk] }));
  const sign = (claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(sub)
      .setIssuer(BENCH_ISSUER)
      .setAudience(BENCH_AUDIENCE)
      .setIssuedAt(lifetime.iat)
      .setExpirationTime(lifetime.exp)
      .sign(issuer.privateKey);
  const tokens = new Map<string, Promise<string>>();
  const now = Math.floor(Date.now() / 1000);
  const tokenFor = (claims: CallerClaims) => {
    const key = `${claims.kind}:${claims.sub}`;
    // The longest a portal token may live (gateway/auth.ts); the full benchmark takes under 20 minutes.
    if (!tokens.has(key))
      tokens.set(
        key,
        sign({ kind: claims.kind, roles: claims.roles ?? [] }, claims.sub, { iat: now, exp: now + 3_600 }),
      );
    return tokens.get(key)!;
  };
  return { issuerJwksFile, gatewayPrivateFile, gatewayJwksFile, gatewayPublicJwk, sign, tokenFor };
}
