import type { DeployedBackend } from './deployed/startDeployedBackend.js';
import { startGatewayPiece } from './deployed/startGatewayPiece.js';
import { measureHostileNeighbour, type HostileFigures } from './measureHostileNeighbour.js';

/**
 * The hostile neighbour inside npm run bench's run: one more gateway from the same build, with its
 * production limits (the settings' defaults), over the back end's subgraphs as deployed; the
 * dashboard alone, then under attack (measureHostileNeighbour, bench:hostile's code).
 */
export async function runHostileNeighbour(
  backend: DeployedBackend,
  seconds: number,
  log: (line: string) => void,
): Promise<HostileFigures> {
  log('hostile neighbour: starting our gateway with its production limits');
  const gateway = await startGatewayPiece(backend, {
    subgraphs: 'guarded',
    limits: 'production',
    name: 'gateway, production limits',
  });
  try {
    const figures = await measureHostileNeighbour(
      { graphqlUrl: `${gateway.origin}/graphql`, tokenFor: backend.tokenFor, sign: backend.sign },
      { seconds, log },
    );
    log(
      `hostile neighbour: p99 ${figures.alone.p99Ms} ms alone, ${figures.underAttack.p99Ms} ms under attack (${figures.ratio.toFixed(2)}×)`,
    );
    return figures;
  } finally {
    await gateway.stop();
  }
}
