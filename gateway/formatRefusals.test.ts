import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphError } from '../core/index.js';
import { formatRefusals } from './formatRefusals.js';

const identity = (formatted: GraphQLFormattedError) => formatted;
const format = formatRefusals(identity, { suggestions: true });

/** An error as Apollo Server wraps it: its own code over the original's, the original kept. */
function apolloError(
  message: string,
  code: string | undefined,
  original?: Error,
  http?: { status: number },
): GraphQLError {
  return new GraphQLError(message, {
    originalError: original,
    extensions: { ...(code ? { code } : {}), ...(http ? { http } : {}) },
  });
}

describe('formatRefusals', () => {
  it('gives a limit refused during validation its own code back', () => {
    const refusal = graphError('QUERY_TOO_DEEP', 'Query depth limit of 12 exceeded, found 13.');
    const formatted = format(
      { message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      apolloError(refusal.message, 'GRAPHQL_VALIDATION_FAILED', refusal),
    );
    expect(formatted).toEqual({ message: refusal.message, extensions: { code: 'QUERY_TOO_DEEP' } });
  });

  it("recognises graphql's parser stopped at the token limit", () => {
    let error: unknown;
    try {
      parse('{ a b c }', { maxTokens: 3 });
    } catch (thrown) {
      error = thrown;
    }
    const message = (error as GraphQLError).message;
    expect(format({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error)).toEqual({
      message: 'Query token limit of 3 exceeded. Send a smaller query.',
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
  });

  it('turns a refused batch into TOO_MANY_OPERATIONS', () => {
    const formatted = format(
      { message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } },
      apolloError('Operation batching disabled.', 'BAD_REQUEST'),
    );
    expect(formatted.extensions?.code).toBe('TOO_MANY_OPERATIONS');
  });

  it('turns an uncoded 4xx refusal into BAD_REQUEST instead of an internal error', () => {
    const error = apolloError('provided sha does not match query', undefined, undefined, { status: 400 });
    expect(format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: error.message,
      extensions: { code: 'BAD_REQUEST' },
    });
    const unexpected = new GraphQLError('boom');
    expect(
      format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, unexpected).extensions?.code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('drops "Did you mean" only when suggestions are off', () => {
    const message = 'Cannot query field "nam" on type "Company". Did you mean "name" or "tax"?';
    const formatted = { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(formatted, new GraphQLError(message)).message).toBe(message);
    expect(formatRefusals(identity, { suggestions: false })(formatted, new GraphQLError(message)).message).toBe(
      'Cannot query field "nam" on type "Company".',
    );
  });

  it("leaves any other error to the gateway's formatError", () => {
    const formatted = {
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    };
    expect(
      format(
        formatted,
        apolloError(formatted.message, 'GRAPHQL_PARSE_FAILED', new GraphQLError(formatted.message), { status: 400 }),
      ),
    ).toEqual(formatted);
  });
});
