import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './createLogger.js';

/**
 * One log line per GraphQL request: request id (the gateway's, carried to every subgraph and
 * legacy call), operation name, duration and error codes. Never variables or results: those
 * hold personal data. The logger masks identifiers in whatever else slips in.
 */
export function logRequestsPlugin<TContext extends BaseContext & { requestId: string }>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (result?.errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          logger.info(
            { requestId: contextValue.requestId, operation: operationName ?? null, durationMs: Math.round(performance.now() - started), errors: codes.length > 0 ? codes : undefined },
            'graphql request',
          );
        },
      };
    },
  };
}
