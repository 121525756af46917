/** Starts the gateway alone: `npm run gateway`. Settings come from the environment (README). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GATEWAY_DEFAULT_PORT } from '../registry/departments.js';
import { ensureDevKeyPair, GATEWAY_KEY_NAME, readPrivateKey } from '../core/index.js';
import { identityFromEnvironment } from './auth.js';
import { startGateway } from './server.js';
import { SUBGRAPHS } from './subgraphList.js';

const port = Number(process.env.GATEWAY_PORT ?? GATEWAY_DEFAULT_PORT);
const host = process.env.GATEWAY_HOST ?? '127.0.0.1';
const supergraphFile = resolve(
  process.env.SUPERGRAPH_FILE ?? new URL('../supergraph.graphql', import.meta.url).pathname,
);
const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.flatMap((entry) => (process.env[entry.urlVariable] ? [[entry.name, process.env[entry.urlVariable]!]] : [])),
);

// The gateway's own signing key (GATEWAY_PRIVATE_KEY_FILE in production; made on first start in development).
const signingKeyFile = process.env.GATEWAY_PRIVATE_KEY_FILE ?? (await ensureDevKeyPair(GATEWAY_KEY_NAME)).privateFile;
const gateway = await startGateway({
  identity: await identityFromEnvironment(),
  signingKey: await readPrivateKey(signingKeyFile),
  port,
  host,
  supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  subgraphUrls,
  composeFromSubgraphs: process.env.GATEWAY_COMPOSE === '1',
});
process.stdout.write(
  `gateway listening on ${gateway.url} (explorer ${gateway.url}/, GraphQL ${gateway.url}/graphql)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
