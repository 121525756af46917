/** Starts the gateway alone: `npm run gateway`, or `node dist/gateway/main.js`. Settings: README, checked at start. */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { ensureDevKeyPair, GATEWAY_KEY_NAME, readJwk, watchSigningKey } from '../core/index.js';
import { failStart, settingsOrExit } from '../core/config/index.js';
import { createLogger } from '../core/operations/index.js';
import { actingKeys, readActingScopes } from './actingCallers.js';
import { identityOptions } from './auth.js';
import { readGatewayConfig } from './gatewayConfig.js';
import { loadTrustedDocuments } from './requireTrustedDocuments.js';
import { startGateway } from './server.js';

const config = settingsOrExit(() => readGatewayConfig());
const logger = createLogger('gateway');

// The gateway's own signing key (GATEWAY_PRIVATE_KEY_FILE in production; made on first start in
// development), read again when the file changes; once GATEWAY_JWKS_FILE is given, only a key
// published there is used (docs/production.md, "Rotating the gateway's key").
const { gateway, signingKey } = await (async () => {
  const devKeys = config.privateKeyFile ? null : await ensureDevKeyPair(GATEWAY_KEY_NAME);
  const signingKey = await watchSigningKey({
    file: config.privateKeyFile ?? devKeys!.privateFile,
    publishedFile: config.jwksFile,
    onEvent: ({ level, msg, ...entry }) => logger[level](entry, msg),
  });
  const publishedKeys = async (): Promise<JSONWebKeySet> =>
    config.jwksFile
      ? (JSON.parse(readFileSync(config.jwksFile, 'utf8')) as JSONWebKeySet)
      : { keys: [readJwk(devKeys!.publicFile)] };
  // Fail now, not at the first request, if the published set is unreadable.
  await publishedKeys();

  const gateway = await startGateway({
    identity: {
      ...(await identityOptions(config.identity)),
      // The one-stop applications service, acting for applicants within their matters (gateway/actingCallers.ts).
      acting: {
        keys: await actingKeys(config.applicationsPublicKeyFile),
        scopes: readActingScopes(config.mattersDir),
      },
    },
    signingKey,
    publishedKeys,
    logger,
    port: config.port,
    host: config.host,
    supergraphSdl: readFileSync(config.supergraphFile, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    composeFromSubgraphs: config.composeFromSubgraphs,
    trustedProxies: config.trustedProxies,
    operatorAddresses: config.operatorAddresses,
    requestDeadlineMs: config.requestDeadlineMs,
    limits: config.limits,
    callerLimits: config.callerLimits,
    creationBudgets: config.creationBudgets,
    trustedDocuments: loadTrustedDocuments(config.trustedDocuments),
  });
  return { gateway, signingKey };
})().catch((error: unknown) => failStart('gateway', error));
process.stdout.write(
  `gateway listening on ${gateway.url} (explorer ${gateway.url}/, GraphQL ${gateway.url}/graphql)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    signingKey.stop();
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
