/**
 * Contenders 1 and 2: our gateway (gateway/server.ts, as `npm run gateway` starts it) in its own
 * process: identity, limits, caller tokens for the subgraphs, metrics and request logs. Whether
 * the departments' privacy and access log are on depends on the subgraphs it is pointed at.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { createLocalJWKSet, importJWK, type CryptoKey, type JWK } from 'jose';
import { readFileSync } from 'node:fs';
import type { CallerLimits } from '../../gateway/limitCallers.js';
import { startGateway } from '../../gateway/server.js';
import type { SubgraphUrls } from './BackendAddresses.js';

export interface OurGatewaySettings {
  issuer: string;
  audience: string;
  issuerPublicJwk: object;
  gatewayPrivateJwk: object;
  subgraphUrls: SubgraphUrls;
  /** The gateway as it was before the connection pool: Apollo's default fetcher (make-fetch-happen). */
  apolloDefaultFetcher?: boolean;
  /** Per-caller limits; by default OUT_OF_THE_WAY, since the load benchmark drives 50 callers far harder than people do. */
  callerLimits?: CallerLimits;
}

/**
 * The load benchmark's callers each send hundreds of requests a second, which the production
 * limits (README, "Limits") would rightly refuse: here they are set out of the way, so the figures
 * are the gateway's work. bench/hostileNeighbour.ts measures with the production limits on.
 */
const OUT_OF_THE_WAY: CallerLimits = { costPerWindow: 1_000_000_000, windowSeconds: 60, maxInFlight: 10_000 };

const settings = JSON.parse(process.env.BENCH_GATEWAY ?? '{}') as OurGatewaySettings;
const gateway = await startGateway({
  identity: {
    keys: createLocalJWKSet({ keys: [settings.issuerPublicJwk as JWK] }),
    issuer: settings.issuer,
    audience: settings.audience,
  },
  signingKey: { key: (await importJWK(settings.gatewayPrivateJwk as JWK, 'ES256')) as CryptoKey },
  supergraphSdl: readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
  subgraphUrls: settings.subgraphUrls,
  port: 0,
  callerLimits: settings.callerLimits ?? OUT_OF_THE_WAY,
  ...(settings.apolloDefaultFetcher ? { fetcher: new RemoteGraphQLDataSource().fetcher } : {}),
});
process.send?.({ ready: { url: `${gateway.url}/graphql` } });

const stop = () => gateway.close().finally(() => process.exit(0));
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
