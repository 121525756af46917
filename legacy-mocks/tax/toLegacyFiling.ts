import type { TaxFiling } from '../data/index.js';
import { TAX_ITEM_CODES } from './taxItemCodes.js';
import { toLegacyDate } from './toLegacyDate.js';
import { toLegacyPeriod } from './toLegacyPeriod.js';

/** One tax return (申报信息) as the filings query returns it. */
export interface LegacyFiling {
  /** 征收项目代码: 10101 VAT, 10104 corporate income tax, 10106 IIT withholding, 10111 stamp duty. */
  zsxmDm: string;
  /** 征收项目名称 */
  zsxmMc: string;
  /** 税款所属期起 / 止: the period's first and last day, yyyyMMdd. */
  sssqq: string;
  sssqz: string;
  /** 应补(退)税额: the amount declared, in fen, as a digit string. */
  ybtse: string;
  /** 申报日期, yyyyMMdd */
  sbrq: string;
}

export function toLegacyFiling(filing: TaxFiling): LegacyFiling {
  return {
    ...TAX_ITEM_CODES[filing.taxKind],
    ...toLegacyPeriod(filing.period),
    ybtse: String(filing.amountFen),
    sbrq: toLegacyDate(filing.filedOn),
  };
}
