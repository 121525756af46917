import type { GraphQLError } from 'graphql';
import { departmentUnavailable, type UnavailableReason } from '../../kit/index.js';
import type { TaxAnswerError } from './TaxAnswerError.js';

/** Result codes with a meaning of their own; any other refusal (bad key, bad input) is 'rejected'. */
const RESULT_CODE_REASONS: ReadonlyMap<string, UnavailableReason> = new Map([
  ['9999', 'fault'], // 系统繁忙: the system is shedding load.
]);

/**
 * The map from the tax system's own answers (its HTTP status and `{ code, msg }` wrapper) to the
 * graph's DEPARTMENT_UNAVAILABLE reasons; failures on the wire are kit's (toLegacyUnavailable).
 * The original failure travels as `cause`; the message never carries legacy text or data.
 */
export function toTaxUnavailable(failure: TaxAnswerError): GraphQLError {
  return departmentUnavailable('tax', reasonOf(failure), failure);
}

function reasonOf(failure: TaxAnswerError): UnavailableReason {
  const byCode = failure.code === undefined ? undefined : RESULT_CODE_REASONS.get(failure.code);
  if (byCode) return byCode;
  if (failure.problem === 'format') return 'malformed';
  if (failure.status >= 500) return 'fault';
  return 'rejected';
}
