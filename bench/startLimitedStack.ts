import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DEFAULT_CALLER_LIMITS } from '../gateway/limitCallers.js';
import type { CallerClaims } from '../test/harness.js';
import { forkBenchProcess } from './forkBenchProcess.js';
import type { BackendAddresses } from './processes/BackendAddresses.js';
import type { OurGatewaySettings } from './processes/ourGatewayProcess.js';

const ISSUER = 'city-graph-bench-issuer';
const AUDIENCE = 'city-graph';

export interface LimitedStack {
  /** The gateway's GraphQL address. */
  graphqlUrl: string;
  /** The gateway's origin, for its other routes. */
  origin: string;
  /** A token of the bench's issuer for this caller, valid for an hour. */
  tokenFor(claims: CallerClaims): Promise<string>;
  /** A token with any claims and lifetime (e.g. one that never expires). */
  sign(claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The back end (stand-ins and protected subgraphs) and our gateway with its production caller
 * limits (README, "Limits"), each in its own process, for the benchmarks that measure what one
 * hostile client does to its neighbours (bench:hostile, bench:hostile-routes).
 */
export async function startLimitedStack(): Promise<LimitedStack> {
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const gatewayKeys = await generateKeyPair('ES256', { extractable: true });
  const sign = (claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(lifetime.iat)
      .setExpirationTime(lifetime.exp)
      .sign(issuer.privateKey);
  const now = Math.floor(Date.now() / 1000);
  const backend = await forkBenchProcess<BackendAddresses>('backendProcess.ts', {
    env: { BENCH_BACKEND: JSON.stringify({ gatewayPublicJwk: await exportJWK(gatewayKeys.publicKey) }) },
  });
  const settings: OurGatewaySettings = {
    issuer: ISSUER,
    audience: AUDIENCE,
    issuerPublicJwk: await exportJWK(issuer.publicKey),
    gatewayPrivateJwk: await exportJWK(gatewayKeys.privateKey),
    subgraphUrls: backend.ready.guardedSubgraphs,
    callerLimits: DEFAULT_CALLER_LIMITS,
  };
  const gateway = await forkBenchProcess<{ url: string }>('ourGatewayProcess.ts', {
    env: { BENCH_GATEWAY: JSON.stringify(settings) },
  }).catch(async (error: unknown) => {
    await backend.stop();
    throw error;
  });
  return {
    graphqlUrl: gateway.ready.url,
    origin: new URL(gateway.ready.url).origin,
    tokenFor: (claims) =>
      sign({ kind: claims.kind, roles: claims.roles ?? [] }, claims.sub, { iat: now, exp: now + 3_600 }),
    sign,
    stop: async () => {
      await Promise.allSettled([gateway.stop(), backend.stop()]);
    },
  };
}
