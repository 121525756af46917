import type { IncomeTaxReturn } from '../data/index.js';

/** One annual individual income tax reconciliation (个人所得税综合所得汇算清缴). */
export interface LegacyIncomeTaxReturn {
  /** 身份证件号码 */
  sfzjhm: string;
  /** 所属年度 */
  nd: string;
  /** 收入总额: income, fen. */
  srze: string;
  /** 应纳税额: tax due for the year, fen. */
  ynse: string;
  /** 已缴税额: tax withheld during the year, fen. */
  yjse: string;
  /** 应补(退)税额 = ynse − yjse, fen: positive is a balance to pay, negative a refund. */
  ybtse: string;
}

export function toLegacyIncomeTaxReturn(sfzjhm: string, taxReturn: IncomeTaxReturn): LegacyIncomeTaxReturn {
  return {
    sfzjhm,
    nd: String(taxReturn.year),
    srze: String(taxReturn.incomeFen),
    ynse: String(taxReturn.taxDueFen),
    yjse: String(taxReturn.taxPaidFen),
    ybtse: String(taxReturn.taxDueFen - taxReturn.taxPaidFen),
  };
}
