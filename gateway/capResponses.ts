import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Errors listed in one answer; the rest are counted in one more error. A portal shows a handful. */
export const MAX_ERRORS = 100;
/** The largest answer the gateway sends: the portal's pages are a few KB, a page of 100 companies about 60 KB. */
export const MAX_RESPONSE_BYTES = 2 * 1_048_576;

export interface ResponseCaps {
  maxErrors: number;
  maxResponseBytes: number;
}

/**
 * Bounds what one answer can weigh, after the limits on what is asked (limits.ts, costOfOperation.ts)
 * have bounded the work. More than `maxErrors` errors are cut to that many plus one TOO_MANY_ERRORS
 * error saying how many more there were (a company once got 60,000 FORBIDDEN errors in 11.5 MB for
 * one query); an answer still larger than `maxResponseBytes` is replaced by RESPONSE_TOO_LARGE (400).
 */
export function capResponses<TContext extends BaseContext>(caps: ResponseCaps): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors && result.errors.length > caps.maxErrors) {
            const more = result.errors.length - caps.maxErrors;
            const summary: GraphQLFormattedError = {
              message: `${more} more errors were left out; the first ${caps.maxErrors} are listed. Ask for fewer fields, or only those the caller may see.`,
              extensions: { code: 'TOO_MANY_ERRORS' },
            };
            response.body.singleResult = { ...result, errors: [...result.errors.slice(0, caps.maxErrors), summary] };
          }
          // Measured as Apollo will send it; only an answer with data can be large (errors are capped above).
          if (result.data && Buffer.byteLength(JSON.stringify(response.body.singleResult)) > caps.maxResponseBytes) {
            response.body.singleResult = {
              errors: [
                {
                  message: `The answer is larger than the gateway sends (${caps.maxResponseBytes} bytes). Ask for fewer fields or smaller pages.`,
                  extensions: { code: 'RESPONSE_TOO_LARGE' },
                },
              ],
            };
            response.http.status = 400;
          }
        },
      };
    },
  };
}
