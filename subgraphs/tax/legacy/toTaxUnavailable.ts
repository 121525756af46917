import { isAxiosError, isCancel } from 'axios';
import type { GraphQLError } from 'graphql';
import { departmentUnavailable, type UnavailableReason } from '../../kit/errors.js';
import { TaxAnswerError } from './TaxAnswerError.js';

/** Result codes with a meaning of their own; any other refusal (bad key, bad input) is 'rejected'. */
const RESULT_CODE_REASONS: ReadonlyMap<string, UnavailableReason> = new Map([
  ['9999', 'fault'], // 系统繁忙: the system is shedding load.
]);

/** Transport error codes that mean the time ran out rather than the connection failed. */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * The one map from the tax system's failures to the graph's DEPARTMENT_UNAVAILABLE reasons.
 * The original failure travels as `cause`; the message never carries legacy text or data.
 */
export function toTaxUnavailable(failure: unknown): GraphQLError {
  return departmentUnavailable('tax', reasonOf(failure), failure);
}

function reasonOf(failure: unknown): UnavailableReason {
  if (failure instanceof TaxAnswerError) {
    const byCode = failure.code === undefined ? undefined : RESULT_CODE_REASONS.get(failure.code);
    if (byCode) return byCode;
    if (failure.problem === 'format') return 'malformed';
    if (failure.status >= 500) return 'fault';
    return 'rejected';
  }
  // The client cancels only when its own deadline passes.
  if (isCancel(failure)) return 'timeout';
  if (isAxiosError(failure)) {
    if (failure.code !== undefined && TIMEOUT_CODES.has(failure.code)) return 'timeout';
    // An answer too large to be one of ours (maxContentLength).
    if (failure.code === 'ERR_BAD_RESPONSE') return 'malformed';
  }
  return 'unreachable';
}
