import { freePortBelowEphemeralRange as freePort } from '../../test/haproxyConfig.js';
import { gatewayMain } from './PieceBuild.js';
import type { DeployedBackend } from './startDeployedBackend.js';
import { startPiece, type Piece } from './startPiece.js';

/**
 * The load benchmark's callers each send hundreds of requests a second, which the production
 * limits (README, "Limits") would rightly refuse: there they are set out of the way through the
 * gateway's own settings, so the figures are the gateway's work. The hostile neighbour keeps the
 * production limits (the settings' defaults).
 */
const LIMITS_LIFTED = { GATEWAY_RATE_LIMIT_COST: '1000000000', GATEWAY_MAX_IN_FLIGHT: '10000' };

/**
 * Our gateway as production runs it: `node <build>/gateway/main.js`, configured only through its
 * environment (subgraph URLs, the bench's issuer, its key files), in-memory caller limits (no
 * REDIS_URL), its request logs on stdout at the default level.
 */
export async function startGatewayPiece(
  backend: DeployedBackend,
  options: { subgraphs: 'guarded' | 'open'; limits: 'lifted' | 'production'; execArgv?: string[]; name?: string },
): Promise<Piece> {
  const port = await freePort();
  return startPiece(backend.build, {
    kind: 'gateway',
    name: options.name ?? 'gateway',
    main: gatewayMain(backend.build),
    env: {
      ...backend.gatewayEnv(options.subgraphs),
      GATEWAY_PORT: String(port),
      ...(options.limits === 'lifted' ? LIMITS_LIFTED : {}),
    },
    execArgv: options.execArgv,
  });
}
