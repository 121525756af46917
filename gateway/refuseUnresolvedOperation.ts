import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { graphError } from '../core/index.js';

/**
 * Refuses, with a 400, a document the gateway could not plan: `operationName` picks no
 * operation (several and no name, or a name the document does not hold), or the operation is a
 * mutation or subscription and the graph has none. graphql's validation lets both through and
 * @apollo/gateway's executor throws an uncoded error on them, which would reach the caller as
 * a 500 INTERNAL_SERVER_ERROR (found by test/fuzz.test.ts).
 */
export function refuseUnresolvedOperation<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            const name = typeof request.operationName === 'string' ? request.operationName.slice(0, 100) : undefined;
            throw graphError(
              'OPERATION_RESOLUTION_FAILURE',
              name
                ? `The query holds no operation named "${name}".`
                : 'The query holds several operations; name the one to run in operationName.',
              { http: { status: 400 } },
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw graphError('GRAPHQL_VALIDATION_FAILED', `This graph has no ${operation.operation} operations.`, {
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
