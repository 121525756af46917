import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../core/index.js';
import { maskUnexpectedErrors } from '../core/index.js';

/** Extensions a caller may see; anything else (a subgraph's URL, a raw response body) is dropped. */
const PUBLIC_EXTENSIONS = new Set([
  'code',
  'department',
  'reason',
  // DEPARTMENT_REFUSED: the department's own code for its refusal (E2002, 3002), never data.
  'reasonCode',
  'argument',
  'field',
  'serviceName',
  'limit',
  'retryAfter',
]);

/**
 * The gateway's formatError. A subgraph's own coded errors pass with their safe extensions; a
 * subgraph that cannot be reached at all becomes DEPARTMENT_UNAVAILABLE naming it, so a portal
 * sees which department is missing instead of a generic failure; anything else is masked.
 */
export function formatGatewayError(log: (error: unknown) => void = () => {}) {
  const mask = maskUnexpectedErrors(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
    // A subgraph refusing the gateway's own query (GRAPHQL_*) means its schema drifted from the
    // supergraph: for the caller, that department is unavailable, not their query wrong.
    if (
      serviceName &&
      (code === undefined || !(code in ERROR_CODES) || code === 'INTERNAL_SERVER_ERROR' || code.startsWith('GRAPHQL_'))
    ) {
      log(error);
      return {
        message: `The ${serviceName} department's system is unavailable (unreachable); its data is missing from this response.`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: serviceName, reason: 'unreachable' },
      };
    }
    const masked = mask(formatted, error);
    const safe = Object.fromEntries(
      Object.entries(masked.extensions ?? {}).filter(([key]) => PUBLIC_EXTENSIONS.has(key)),
    );
    return { ...masked, extensions: safe };
  };
}
