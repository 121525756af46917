import type { CompanyRecord } from './CompanyRecord.js';

/** 登记状态 digits: 1 存续 (active), 2 吊销 (licence revoked), 3 注销 (deregistered). */
const STATUS_BY_DJZT: Readonly<Record<string, CompanyRecord['status']>> = {
  '1': 'ACTIVE',
  '2': 'REVOKED',
  '3': 'CANCELLED',
};

/** The graph's CompanyStatus for a registry djzt digit; an unknown digit is a malformed answer. */
export function toCompanyStatus(djzt: string): CompanyRecord['status'] {
  const status = STATUS_BY_DJZT[djzt];
  if (!status) throw new RangeError('unknown registration status digit');
  return status;
}
