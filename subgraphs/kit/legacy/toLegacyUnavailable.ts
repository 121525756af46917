import { isAxiosError, isCancel } from 'axios';
import type { GraphQLError } from 'graphql';
import {
  departmentUnavailable,
  isProductError,
  type Department,
  type UnavailableReason,
} from '../../../core/errors.js';
import { pathOf } from './pathOf.js';
import { readSoapFault, type SoapFault } from './readSoapFault.js';

/** What the transport knows about a failed attempt beyond the error itself. */
export interface LegacyFailureContext {
  /** The guard aborted the attempt because its time was up; the error is then whatever the abort caused. */
  timedOut: boolean;
  /**
   * The department's reading of a SOAP fault, by its own codes (for example a table of `detail`
   * error codes); undefined leaves it to the faultcode: a soap:Client fault is 'rejected', any
   * other 'fault'.
   */
  faultReason?: ((fault: SoapFault) => UnavailableReason | undefined) | undefined;
}

/** soap:Client and its SOAP 1.1 subcodes (Client.Authentication): the system refused what we sent. */
const CLIENT_FAULTCODE = /(^|:)Client(\.|$)/;
/** Transport error codes that mean the time ran out rather than the connection failed. */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * The one map from what can go wrong on the wire to a legacy system to the graph's
 * DEPARTMENT_UNAVAILABLE reasons, as fastify's AVVIO_ERRORS_MAP maps a dependency's codes
 * (README, "Behaviour under trouble"). The original error travels as `cause`, for logs; the
 * message names only the department and the reason. A product error passes through unchanged.
 *
 * | what happened                                              | reason      |
 * |------------------------------------------------------------|-------------|
 * | our deadline passed (latency, a hung request)              | timeout     |
 * | soap:Fault: the department's reading, else by its faultcode | rejected / fault |
 * | HTTP 5xx without a fault                                   | fault       |
 * | HTTP 4xx without a fault: a wrong URL or a proxy answering | unreachable |
 * | an answer too large, or a 2xx that does not parse          | malformed   |
 * | no HTTP answer (refused, reset, DNS)                       | unreachable |
 * | anything else, which arose while reading an answer         | malformed   |
 *
 * Refusals in a system's own envelope (a REST result code) are the department's to read.
 */
export function toLegacyUnavailable(
  department: Department,
  error: unknown,
  context: LegacyFailureContext,
): GraphQLError {
  if (isProductError(error)) return error;
  return departmentUnavailable(department, reasonOf(error, context), error);
}

function reasonOf(error: unknown, { timedOut, faultReason }: LegacyFailureContext): UnavailableReason {
  // axios reports our own abort as a cancel: only the guard's deadline aborts a request.
  if (timedOut || isCancel(error)) return 'timeout';
  const fault = readSoapFault(error);
  if (fault !== null) return faultReason?.(fault) ?? (CLIENT_FAULTCODE.test(fault.faultcode) ? 'rejected' : 'fault');
  const status = pathOf(error, 'response', 'status');
  if (typeof status === 'number') return status >= 500 ? 'fault' : status >= 400 ? 'unreachable' : 'malformed';
  if (isAxiosError(error)) {
    if (error.code !== undefined && TIMEOUT_CODES.has(error.code)) return 'timeout';
    // Without a response, this is axios refusing an answer larger than maxContentLength.
    if (error.code === 'ERR_BAD_RESPONSE') return 'malformed';
    return 'unreachable';
  }
  if (typeof pathOf(error, 'code') === 'string' && pathOf(error, 'syscall') !== undefined) return 'unreachable';
  return 'malformed';
}
