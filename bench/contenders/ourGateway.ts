import { forkBenchProcess } from '../forkBenchProcess.js';
import type { OurGatewaySettings } from '../processes/ourGatewayProcess.js';
import type { Contender, ContenderContext, RunningContender } from './Contender.js';
import { graphqlRequest } from './graphqlRequest.js';

/** Contender 1: our gateway with everything on: identity, limits, and the departments' privacy and access log. */
export const ourGateway: Contender = {
  id: 1,
  name: 'our gateway, everything on',
  start: (context) => startOurGateway(context, true),
};

/**
 * Contender 1 as it was before bench/RESULTS.md's profile was acted on (subgraph calls through
 * Apollo's default fetcher, make-fetch-happen): the "before" of the change, in the same run.
 */
export const ourGatewayBefore: Contender = {
  id: 6,
  name: "our gateway, everything on, before the connection pool (Apollo's default fetcher)",
  start: (context) => startOurGateway(context, true, true),
};

/** Contender 2: our gateway (identity, limits, caller tokens) over subgraphs with privacy and the access log off. */
export const ourGatewayWithoutProtections: Contender = {
  id: 2,
  name: 'our gateway, privacy and access log off',
  start: (context) => startOurGateway(context, false),
};

async function startOurGateway(
  context: ContenderContext,
  guarded: boolean,
  apolloDefaultFetcher = false,
): Promise<RunningContender> {
  const settings: OurGatewaySettings = {
    ...context.identity,
    apolloDefaultFetcher,
    subgraphUrls: guarded ? context.backend.guardedSubgraphs : context.backend.openSubgraphs,
  };
  const child = await forkBenchProcess<{ url: string }>('ourGatewayProcess.ts', {
    env: { BENCH_GATEWAY: JSON.stringify(settings) },
    execArgv: context.execArgv,
  });
  return {
    pid: child.pid,
    // The open subgraphs know no caller, so contender 2 asks for the citizen by id (same plan);
    // the token is still sent and verified: the gateway's own checks stay on.
    requestFor: (scenario) =>
      graphqlRequest(child.ready.url, scenario, { document: guarded ? 'portal' : 'open', tokenFor: context.tokenFor }),
    stop: child.stop,
  };
}
