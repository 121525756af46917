import { z } from 'zod';
import { fenToDecimal, toIsoDate } from '../../kit/index.js';
import { toFilingPeriod } from './toFilingPeriod.js';
import { toTaxKind } from './toTaxKind.js';

/** One tax return of a company in graph terms (TaxProfile.filings). */
export interface TaxFilingRecord {
  /** "2024-03" month, "2024-Q1" quarter, "2024" year */
  period: string;
  taxKind: 'VAT' | 'CORPORATE_INCOME_TAX' | 'INDIVIDUAL_INCOME_TAX_WITHHOLDING' | 'STAMP_DUTY';
  /** Decimal CNY */
  amount: string;
  /** YYYY-MM-DD */
  filedOn: string;
}

/** One entry of sbxxList (申报信息); zsxmMc, the item's name, is dropped for the graph's kind. */
const LegacyFiling = z.object({
  zsxmDm: z.string(),
  sssqq: z.string(),
  sssqz: z.string(),
  ybtse: z.string().regex(/^-?\d+$/),
  sbrq: z.string(),
});

/** Checks and translates one filing entry; throws when it does not have the documented shape. */
export function toTaxFilingRecord(entry: unknown): TaxFilingRecord {
  const filing = LegacyFiling.parse(entry);
  return {
    period: toFilingPeriod(filing.sssqq, filing.sssqz),
    taxKind: toTaxKind(filing.zsxmDm),
    amount: fenToDecimal(filing.ybtse),
    filedOn: toIsoDate(filing.sbrq),
  };
}
