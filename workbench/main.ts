/**
 * `npm run workbench`: the privacy officers' workbench on its own port (WORKBENCH_PORT, default
 * 4090), apart from the citizen-facing gateway; its access log search asks the gateway at
 * WORKBENCH_GATEWAY_URL. It verifies officers' tokens with the gateway's identity settings
 * (AUTH_JWKS_URL or AUTH_JWKS_FILE, AUTH_ISSUER, AUTH_AUDIENCE; the development issuer by default).
 * Start the graph first (`npm start`) for the access log. Guide: docs/privacy-workbench.md.
 */
import { failStart, settingsOrExit } from '../core/config/index.js';
import { createBearerTokenVerifier, identityKeys } from '../core/index.js';
import { startWorkbench } from './server.js';
import { readWorkbenchConfig } from './workbenchConfig.js';

const config = settingsOrExit(() => readWorkbenchConfig(process.env));

(async () => {
  const { jwksUrl, jwksFile, ...claims } = config.identity;
  const keys = await identityKeys({ ...(jwksUrl ? { jwksUrl } : {}), ...(jwksFile ? { jwksFile } : {}) });
  const workbench = await startWorkbench({
    gatewayUrl: config.gatewayUrl,
    port: config.port,
    host: config.host,
    verifyToken: createBearerTokenVerifier({ keys, ...claims }),
    limits: config.limits,
    ...(config.policyFolder ? { policyFolder: config.policyFolder } : {}),
  });
  process.stdout.write(`privacy workbench listening on ${workbench.url}/privacy/ (graph at ${config.gatewayUrl})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      workbench.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
})().catch((error: unknown) => failStart('privacy workbench', error));
