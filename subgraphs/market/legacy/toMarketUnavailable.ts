import type { GraphQLError } from 'graphql';
import { departmentUnavailable, isProductError, type UnavailableReason } from '../../kit/index.js';

/**
 * The one map from what can go wrong with a registry call to the graph's DEPARTMENT_UNAVAILABLE
 * reasons, as fastify's AVVIO_ERRORS_MAP maps a dependency's codes. The original error travels as
 * `cause` (for logs); the message names only the department and the reason.
 *
 * | what happened                                     | reason      |
 * |---------------------------------------------------|-------------|
 * | our deadline passed (latency, a hung request)     | timeout     |
 * | soap:Client fault (E1xxx: the registry refused)   | rejected    |
 * | soap:Server fault (E9xxx), any other HTTP error   | fault       |
 * | 2xx answer that does not parse or fit the WSDL    | malformed   |
 * | no HTTP answer (refused, reset, DNS)              | unreachable |
 */
export function toMarketUnavailable(error: unknown, timedOut: boolean): GraphQLError {
  if (isProductError(error)) return error;
  return departmentUnavailable('market', reasonOf(error, timedOut), error);
}

function reasonOf(error: unknown, timedOut: boolean): UnavailableReason {
  if (timedOut) return 'timeout';
  const faultcode = faultCodeOf(error);
  if (faultcode !== null) return /(^|:)Client$/.test(faultcode) ? 'rejected' : 'fault';
  const status = statusOf(error);
  if (status !== null) return status >= 200 && status < 300 ? 'malformed' : 'fault';
  if (isTransportError(error)) return 'unreachable';
  // Anything else arose while reading an answer (the parser, the schema, a translation).
  return 'malformed';
}

/** The `soap` client attaches the parsed envelope of a soap:Fault as `root`. */
function faultCodeOf(error: unknown): string | null {
  const fault = pathOf(error, ['root', 'Envelope', 'Body', 'Fault']);
  const code = pathOf(fault, ['faultcode']);
  if (typeof code === 'string') return code;
  const wrapped = pathOf(code, ['$value']);
  return typeof wrapped === 'string' ? wrapped : fault === undefined ? null : 'soap:Server';
}

function statusOf(error: unknown): number | null {
  const status = pathOf(error, ['response', 'status']);
  return typeof status === 'number' ? status : null;
}

/** axios errors without a response: the request never got an HTTP answer. */
function isTransportError(error: unknown): boolean {
  return pathOf(error, ['isAxiosError']) === true || (typeof pathOf(error, ['code']) === 'string' && pathOf(error, ['syscall']) !== undefined);
}

function pathOf(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
