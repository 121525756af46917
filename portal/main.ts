/**
 * `npm run portal`: the reference portal on its own port (PORTAL_PORT, default 4080), talking to
 * the gateway at PORTAL_GATEWAY_URL (default http://127.0.0.1:<GATEWAY_PORT or 4000>). Start the
 * graph first (`npm start`). Development sign-in is offered only while the development issuer is
 * in use (no AUTH_JWKS_* and not NODE_ENV=production). Guide: docs/portal.md.
 */
import { GATEWAY_DEFAULT_PORT } from '../registry/departments.js';
import { loadDataSet, readDataSeed } from '../legacy-mocks/data/index.js';
import { developmentIssuerInUse, developmentSigner, portalFixtures } from './devSignIn.js';
import { startPortal } from './server.js';

export const PORTAL_DEFAULT_PORT = 4080;

const port = Number(process.env.PORTAL_PORT ?? PORTAL_DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`PORTAL_PORT must be a port number, 0 to 65535\n`);
  process.exit(78);
}
const gatewayUrl =
  process.env.PORTAL_GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? GATEWAY_DEFAULT_PORT}`;
const signIn = developmentIssuerInUse(process.env)
  ? { fixtures: portalFixtures(loadDataSet(readDataSeed(process.env))), sign: await developmentSigner(process.env) }
  : null;
const portal = await startPortal({ gatewayUrl, port, host: process.env.PORTAL_HOST ?? '127.0.0.1', signIn });
process.stdout.write(
  `portal listening on ${portal.url} (graph at ${gatewayUrl}; development sign-in ${signIn ? 'on' : 'off'})\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
