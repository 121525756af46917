import type { CompanyRecord } from './CompanyRecord.js';

/**
 * 登记状态 digits: 1 存续 (active), 2 吊销 (licence revoked), 3 注销 (deregistered), and for a
 * registration made through the graph 0 待核准 (pending an officer's approval), 8 已驳回 (rejected),
 * 9 已撤回 (withdrawn) (legacy-mocks/market/README.md, "Registration"). The registry answers a
 * pending one by its code with 0; 8 and 9 arrive in the answers of the writes.
 */
const STATUS_BY_DJZT: Readonly<Record<string, CompanyRecord['status']>> = {
  '0': 'PENDING',
  '1': 'ACTIVE',
  '2': 'REVOKED',
  '3': 'CANCELLED',
  '8': 'REJECTED',
  '9': 'WITHDRAWN',
};

/** The graph's CompanyStatus for a registry djzt digit; an unknown digit is a malformed answer. */
export function toCompanyStatus(djzt: string): CompanyRecord['status'] {
  const status = Object.hasOwn(STATUS_BY_DJZT, djzt) ? STATUS_BY_DJZT[djzt] : undefined;
  if (!status) throw new RangeError('unknown registration status digit');
  return status;
}
