import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphError } from '../core/index.js';
import { costModelOf, type CostModel } from './costModelOf.js';
import { createDocumentCache } from './createDocumentCache.js';
import { readCostDirectives, type CostDirectives } from './readCostDirectives.js';

export interface CostOptions<TContext> {
  maxCost: number;
  /**
   * Told the cost of every operation the gateway will run, before it is planned; the per-caller
   * rate limit (gateway/limitCallers.ts) counts it, and may refuse by throwing.
   */
  charge?(context: TContext, cost: number): Promise<void>;
}

/**
 * Refuses, with QUERY_TOO_COSTLY and a 400, an operation whose estimated cost (costOfOperation.ts)
 * with this request's variables is over `maxCost`, once the operation is known and before the
 * query planner or any department sees it; then charges the cost to the caller.
 *
 * The list sizes and weights come from the supergraph's `@listSize` and `@cost`, read each time
 * the gateway loads a supergraph (Apollo's API schema no longer carries them). A supergraph with
 * a list the model cannot size is refused there: the gateway does not start with it.
 */
export function refuseCostlyOperations<TContext extends BaseContext>(
  options: CostOptions<TContext>,
): ApolloServerPlugin<TContext> {
  let directives: CostDirectives | undefined;
  // The cost model of each operation, derived from its document once (costModelOf.ts), as its plan is.
  const models = createDocumentCache<CostModel>();
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl === undefined) throw new Error('the cost model reads list sizes from a supergraph');
          const read = readCostDirectives(coreSupergraphSdl);
          if (read.problems.length > 0)
            throw new Error(`the supergraph does not size every list:\n  ${read.problems.join('\n  ')}`);
          directives = read;
          models.clear();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue, queryHash }) {
          // No operation: refuseUnresolvedOperation.ts answers that.
          if (!operation) return;
          const loaded = directives;
          if (!loaded) throw new Error('no list sizes loaded');
          const costOf = models.get({ queryHash, operationName: request.operationName }, () =>
            costModelOf(schema, loaded, document, operation),
          );
          const cost = costOf(request.variables ?? {});
          if (cost > options.maxCost) {
            const found = Number.isFinite(cost) ? String(Math.round(cost)) : 'more than can be counted';
            throw graphError(
              'QUERY_TOO_COSTLY',
              `Query cost limit of ${options.maxCost} exceeded, found ${found} (each field 1, a list of objects ` +
                'times its first argument or the most it returns, as the schema declares with @listSize). ' +
                'Ask for fewer fields, smaller pages or shorter ranges.',
              { http: { status: 400 } },
            );
          }
          await options.charge?.(contextValue, cost);
        },
      };
    },
  };
}
