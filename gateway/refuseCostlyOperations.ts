import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphError } from '../core/index.js';
import { costOfOperation } from './costOfOperation.js';

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
 */
export function refuseCostlyOperations<TContext extends BaseContext>(
  options: CostOptions<TContext>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          // No operation: refuseUnresolvedOperation.ts answers that.
          if (!operation) return;
          const cost = costOfOperation(schema, document, operation, request.variables ?? {});
          if (cost > options.maxCost) {
            const found = Number.isFinite(cost) ? String(Math.round(cost)) : 'more than can be counted';
            throw graphError(
              'QUERY_TOO_COSTLY',
              `Query cost limit of ${options.maxCost} exceeded, found ${found} (each field 1, a list of objects times its first argument or 20). ` +
                'Ask for fewer fields or smaller pages.',
              { http: { status: 400 } },
            );
          }
          await options.charge?.(contextValue, cost);
        },
      };
    },
  };
}
