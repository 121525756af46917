import type { Company } from '../data/index.js';
import { toLegacyDate } from './toLegacyDate.js';

/** A taxpayer register entry (纳税人信息) as the batch lookup returns it. */
export interface LegacyTaxpayer {
  /** 纳税人识别号: the taxpayer identification number, equal to the USCC. */
  nsrsbh: string;
  /** 纳税人名称 */
  nsrmc: string;
  /** 纳税人类型: "1" general taxpayer (一般纳税人), "2" small-scale (小规模纳税人). */
  nsrlx: '1' | '2';
  /** 税务登记日期, yyyyMMdd */
  swdjrq: string;
  /** 纳税信用等级 of the latest year: A, B, M, C or D. */
  nsxydj: string;
  /** 欠税金额: arrears in fen, as a digit string. */
  qsje: string;
}

/** The register entry of one company of the data set. */
export function toLegacyTaxpayer(company: Company): LegacyTaxpayer {
  return {
    nsrsbh: company.uscc,
    nsrmc: company.name,
    nsrlx: company.tax.taxpayerType === 'GENERAL' ? '1' : '2',
    swdjrq: toLegacyDate(company.tax.registeredOn),
    nsxydj: company.tax.creditRating,
    qsje: String(company.tax.arrearsFen),
  };
}
