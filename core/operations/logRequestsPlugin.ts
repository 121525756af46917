import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from './createLogger.js';

/**
 * One log line per GraphQL request: request id (the gateway's, carried to every subgraph and
 * legacy call), operation name, duration and error codes. Never variables or results: those
 * hold personal data. The logger masks identifiers in whatever else slips in.
 */
export function logRequestsPlugin<TContext extends BaseContext & { requestId: string }>(
  logger: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // Counted by code, so the line stays small however many errors the answer had.
          const errors: Record<string, number> = {};
          for (const error of result?.errors ?? []) {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            errors[code] = (errors[code] ?? 0) + 1;
          }
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              errors: result?.errors?.length ? errors : undefined,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
