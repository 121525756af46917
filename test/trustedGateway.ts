import { readFileSync } from 'node:fs';
import { createLocalJWKSet, exportJWK } from 'jose';
import type { DestinationStream } from 'pino';
import { createLogger } from '../core/operations/index.js';
import { readTrustedDocuments, TRUSTED_DOCUMENTS_MANIFEST } from '../gateway/requireTrustedDocuments.js';
import { startGateway } from '../gateway/server.js';
import type { RunningServer } from '../subgraphs/kit/index.js';
import { TEST_AUDIENCE, TEST_ISSUER, type Stack } from './harness.js';

/** The committed trusted documents' manifest. */
export const MANIFEST_PATH = new URL(`../${TRUSTED_DOCUMENTS_MANIFEST}`, import.meta.url).pathname;

/**
 * A second gateway over the harness's subgraphs, trusting the harness's test issuer, with the
 * committed manifest in force for the given portal applications (as TRUSTED_DOCUMENTS_FILE and
 * PORTAL_APPLICATIONS would configure it). Close it before the stack.
 */
export async function startTrustedGateway(stack: Stack, portalApplications: readonly string[]): Promise<RunningServer> {
  const { d: _private, ...publicJwk } = await exportJWK(stack.issuerKey);
  const quiet = { write: () => undefined } as unknown as DestinationStream;
  return startGateway({
    identity: { keys: createLocalJWKSet({ keys: [publicJwk] }), issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
    signingKey: { key: stack.gatewayKeys.privateKey },
    logger: createLogger('gateway', quiet),
    callerLimits: { costPerWindow: 1_000_000_000, windowSeconds: 60, maxInFlight: 100_000 },
    supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls: Object.fromEntries(
      Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]),
    ),
    port: 0,
    trustedDocuments: readTrustedDocuments(MANIFEST_PATH, portalApplications),
  });
}
