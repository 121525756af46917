import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isProductError, type ErrorCode } from '../core/index.js';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface FormatRefusalsOptions {
  /**
   * Whether messages may suggest names ("Did you mean …?"). They help integrators and give
   * nothing away while introspection is on; with it off they would leak the schema name by name.
   */
  suggestions: boolean;
}

/** graphql's parser, stopped by `maxTokens` (gateway/limits.ts); its wording is checked by limits.test.ts. */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:that|than) (\d+) tokens/;
/** Apollo Server's refusal of a JSON array body while `allowBatchedHttpRequests` is off. */
const BATCHING_DISABLED_MESSAGE = 'Operation batching disabled.';
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Wraps the gateway's formatError so that Apollo Server's refusals of a request reach callers
 * under the table's codes, with Apollo's HTTP status (400) kept:
 * - a coded error reported by a validation rule (gateway/limits.ts) keeps its code, where
 *   Apollo would relabel it GRAPHQL_VALIDATION_FAILED;
 * - the parser stopped by the token limit is QUERY_TOO_LARGE, not GRAPHQL_PARSE_FAILED;
 * - a batch is TOO_MANY_OPERATIONS, not BAD_REQUEST;
 * - a refusal Apollo left without a code (a malformed persisted-query extension) is
 *   BAD_REQUEST, not a masked INTERNAL_SERVER_ERROR answered with a 400.
 * Runs before `format`, which then passes the table's codes through.
 */
export function formatRefusals(format: FormatError, options: FormatRefusalsOptions): FormatError {
  return (formatted, error) => {
    const refusal = toRefusal(formatted, error);
    const relabelled = refusal
      ? { ...formatted, message: refusal.message, extensions: { ...formatted.extensions, code: refusal.code } }
      : formatted;
    const result = format(relabelled, error);
    return options.suggestions ? result : { ...result, message: result.message.replace(SUGGESTION, '') };
  };
}

function toRefusal(formatted: GraphQLFormattedError, error: unknown): { code: ErrorCode; message: string } | undefined {
  const code = formatted.extensions?.code;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && isProductError(original)) {
    return { code: original.extensions.code as ErrorCode, message: original.message };
  }
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
  if (tokens) {
    return { code: 'QUERY_TOO_LARGE', message: `Query token limit of ${tokens[1]} exceeded. Send a smaller query.` };
  }
  if (code === 'BAD_REQUEST' && formatted.message === BATCHING_DISABLED_MESSAGE) {
    return {
      code: 'TOO_MANY_OPERATIONS',
      message:
        'The gateway takes one operation per request, not a batch (a JSON array); send each operation in its own request.',
    };
  }
  if (
    error instanceof GraphQLError &&
    error.extensions.code === undefined &&
    isClientErrorStatus(error.extensions.http)
  ) {
    return { code: 'BAD_REQUEST', message: formatted.message };
  }
  return undefined;
}

/** Apollo marks its own refusals with `extensions.http.status`; a 4xx there is the caller's fault. */
function isClientErrorStatus(http: unknown): boolean {
  const status = typeof http === 'object' && http !== null && 'status' in http ? http.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}
