import { forkBenchProcess } from '../forkBenchProcess.js';
import { pointSupergraphAt } from '../pointSupergraphAt.js';
import type { Contender } from './Contender.js';
import { graphqlRequest } from './graphqlRequest.js';

/** Contender 3: a stock `@apollo/gateway` + `@apollo/server`, default settings, over the open subgraphs. */
export const stockApolloGateway: Contender = {
  id: 3,
  name: 'stock @apollo/gateway + @apollo/server',
  async start(context) {
    const child = await forkBenchProcess<{ url: string }>('stockApolloGatewayProcess.mjs', {
      env: { BENCH_SUPERGRAPH: pointSupergraphAt(context.supergraphSdl, context.backend.openSubgraphs) },
      execArgv: context.execArgv,
    });
    return {
      pid: child.pid,
      requestFor: async (scenario) => graphqlRequest(child.ready.url, scenario, { document: 'open', tokenFor: null }),
      stop: child.stop,
    };
  },
};
