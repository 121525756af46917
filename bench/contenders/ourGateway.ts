import { startGatewayPiece } from '../deployed/startGatewayPiece.js';
import type { Contender, ContenderContext, RunningContender } from './Contender.js';
import { graphqlRequest } from './graphqlRequest.js';

/** Contender 1: our gateway with everything on: identity, limits, and the departments' privacy and access log. */
export const ourGateway: Contender = {
  id: 1,
  name: 'our gateway, everything on',
  start: (context) => startOurGateway(context, true),
};

/** Contender 2: our gateway (identity, limits, caller tokens) over subgraphs with privacy and the access log off. */
export const ourGatewayWithoutProtections: Contender = {
  id: 2,
  name: 'our gateway, privacy and access log off',
  start: (context) => startOurGateway(context, false),
};

async function startOurGateway(context: ContenderContext, guarded: boolean): Promise<RunningContender> {
  const piece = await startGatewayPiece(context.backend, {
    subgraphs: guarded ? 'guarded' : 'open',
    limits: 'lifted',
    execArgv: context.execArgv,
  });
  const url = `${piece.origin}/graphql`;
  return {
    pid: piece.pid,
    // The open subgraphs know no caller, so contender 2 asks for the citizen by id (same plan);
    // the token is still sent and verified: the gateway's own checks stay on.
    requestFor: (scenario) =>
      graphqlRequest(url, scenario, { document: guarded ? 'portal' : 'open', tokenFor: context.backend.tokenFor }),
    stop: piece.stop,
  };
}
