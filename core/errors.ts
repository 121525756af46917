import { GraphQLError } from 'graphql';
import type { Department } from '../registry/departments.js';

/**
 * Every error code the product gives out, with its meaning and the HTTP status of a response
 * that carries it (200 for errors about one field, beside the other fields' data), in one table. The
 * gateway and every subgraph build their errors from it. A code, once shipped, keeps its name
 * and meaning; README.md lists them all and a test keeps the two in step.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: {
    status: 401,
    meaning: 'No valid caller: the token is missing where one is needed, expired, badly signed or not for this graph.',
  },
  FORBIDDEN: { status: 200, meaning: 'The privacy policy does not let this caller see the field.' },
  BAD_REQUEST: {
    status: 400,
    meaning: 'The HTTP request is not a GraphQL request: malformed JSON, wrong content type, no query.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The request body is larger than the server accepts.' },
  NOT_FOUND: { status: 404, meaning: 'No such path on this server.' },
  BAD_USER_INPUT: {
    status: 200,
    meaning:
      'An argument is malformed, e.g. a resident ID or USCC with a wrong check digit; the message says what is wrong.',
  },
  ACCESS_NOT_RECORDED: {
    status: 200,
    meaning:
      'The access to personal data could not be written to the access log, so the department withheld its data (no record, no data).',
  },
  DEPARTMENT_UNAVAILABLE: {
    status: 200,
    meaning:
      "A department's legacy system failed, timed out or answered nonsense; only that department's fields are null.",
  },
  DEPARTMENT_REFUSED: {
    status: 200,
    meaning:
      "A department's system refused a write for a reason of its own (e.g. the company name is taken, an account exists already); nothing was changed. The message says why in words; extensions.department names it and extensions.reasonCode carries the department's own code.",
  },
  APPLICATIONS_UNAVAILABLE: {
    status: 200,
    meaning:
      "The applications' database cannot be reached: nothing was applied for or decided. Send the same request again later (the same idempotencyKey makes one application).",
  },
  QUERY_TOO_DEEP: {
    status: 400,
    meaning: 'The operation nests fields deeper than the gateway accepts (GRAPHQL_MAX_DEPTH, 12).',
  },
  TOO_MANY_ALIASES: {
    status: 400,
    meaning: 'The operation uses more aliases than the gateway accepts (GRAPHQL_MAX_ALIASES, 30).',
  },
  TOO_MANY_DIRECTIVES: {
    status: 400,
    meaning: 'The operation uses more directives than the gateway accepts (GRAPHQL_MAX_DIRECTIVES, 20).',
  },
  QUERY_TOO_LARGE: {
    status: 400,
    meaning: 'The query document has more lexical tokens than the gateway parses (GRAPHQL_MAX_TOKENS, 2,000).',
  },
  QUERY_TOO_COSTLY: {
    status: 400,
    meaning:
      'The estimated cost of the operation (each field 1, a list of objects times its first argument or 20) is over the limit (GRAPHQL_MAX_COST, 5,000).',
  },
  TOO_MANY_SELECTIONS: {
    status: 400,
    meaning:
      'The operation reaches more field selections, fragments expanded, than the gateway plans (GRAPHQL_MAX_SELECTIONS, 1,000).',
  },
  QUERY_NOT_PLANNABLE: {
    status: 400,
    meaning: 'The gateway could not plan the operation over the departments; nothing was asked of any department.',
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      'The caller has used up its cost units for the window, or has too many requests in flight; Retry-After says when to try again.',
  },
  CREATION_BUDGET_EXHAUSTED: {
    status: 429,
    meaning:
      "The caller has used up today's budget of a mutation that creates something (a certificate) about this subject (GATEWAY_CREATE_BUDGET_PER_DAY, GATEWAY_CREATE_BUDGETS); nothing was run; Retry-After says when to try again.",
  },
  RESPONSE_TOO_LARGE: {
    status: 400,
    meaning:
      'The answer would be larger than the gateway sends (GATEWAY_MAX_RESPONSE_BYTES, 2 MiB); ask for fewer fields or smaller pages.',
  },
  TOO_MANY_ERRORS: {
    status: 200,
    meaning:
      'The answer had more errors than the gateway lists (GATEWAY_MAX_ERRORS, 100); this last error says how many were left out.',
  },
  TRUSTED_DOCUMENT_REQUIRED: {
    status: 400,
    meaning:
      "A registered portal application (its token's azp) sent an operation that is not in the gateway's trusted documents (TRUSTED_DOCUMENTS_FILE); nothing was run.",
  },
  CERTIFICATE_REFUSED: {
    status: 200,
    meaning:
      "The department's records do not support the certificate asked for (e.g. a tax clearance while tax is overdue, or a subject the department does not know); nothing was issued.",
  },
  TOO_MANY_OPERATIONS: {
    status: 400,
    meaning: 'The request is a batch (a JSON array of operations); the gateway takes one operation per request.',
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    meaning: "The query is not valid GraphQL syntax; the message gives the line and column (Apollo Server's code).",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    meaning:
      "The query does not fit the schema, e.g. an unknown field or a missing argument, or asks for introspection while it is off (Apollo Server's code).",
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    meaning: "The query holds several operations and operationName picks none of them (Apollo Server's code).",
  },
  WORKBENCH_BUSY: {
    status: 503,
    meaning:
      'The privacy workbench is already comparing as many policy versions as it computes at once, with its queue full; Retry-After says when to try again (its other codes: docs/privacy-workbench.md).',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'Something unexpected; the details are in the server log under the request id, never in the response.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

// The departments come from the one registry, so an error can name only a department that exists.
export type { Department };

/** Why a department's call failed, for operators; never holds data or legacy text. */
export type UnavailableReason =
  'unreachable' | 'timeout' | 'fault' | 'malformed' | 'rejected' | 'overloaded' | 'circuit-open';

/** A GraphQL error carrying a code from the table. `cause` is kept for logs, never serialised. */
export function graphError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, code },
    originalError: cause instanceof Error ? cause : undefined,
  });
}

/** A department's legacy system let us down: its fields become null, the rest of the graph still answers. */
export function departmentUnavailable(
  department: Department,
  reason: UnavailableReason,
  cause?: unknown,
): GraphQLError {
  return graphError(
    'DEPARTMENT_UNAVAILABLE',
    `The ${department} department's system is unavailable (${reason}); its data is missing from this response.`,
    { department, reason },
    cause,
  );
}

/**
 * A department's system said no to a write (a business rule of its own, not a failure): nothing
 * was changed, and asking again the same way gets the same answer. `reason` is in words a citizen
 * can read; `reasonCode` is the department's own code, for officers and support.
 */
export function departmentRefused(department: Department, reason: string, reasonCode: string): GraphQLError {
  return graphError('DEPARTMENT_REFUSED', `The ${department} department refused: ${reason}`, {
    department,
    reasonCode,
  });
}

/** An argument failed validation; `argument` names which one. */
export function badUserInput(argument: string, problem: string): GraphQLError {
  return graphError('BAD_USER_INPUT', `Invalid ${argument}: ${problem}.`, { argument });
}

/** Is this a product error (carries a code of the table), as opposed to something unexpected? */
export function isProductError(error: unknown): error is GraphQLError {
  return (
    error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in ERROR_CODES
  );
}
