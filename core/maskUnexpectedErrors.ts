import type { GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ERROR_CODES } from './errors.js';

/** Codes Apollo Server itself gives to request errors (parse, validation, variables): safe to show. */
const APOLLO_REQUEST_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * Apollo's formatError: expected errors (codes of our table, Apollo's request errors) pass with
 * their message; anything else becomes a generic INTERNAL_SERVER_ERROR, so no stack, legacy
 * text or personal value reaches a caller. The original is reported to `log` for operators.
 */
export function maskUnexpectedErrors(log: (error: unknown) => void = () => {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      (code in ERROR_CODES || APOLLO_REQUEST_CODES.has(code)) &&
      code !== 'INTERNAL_SERVER_ERROR'
    ) {
      // Drop the stack Apollo adds in development; keep every other extension.
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(error);
    return {
      message: 'Unexpected error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
