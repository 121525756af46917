import { z } from 'zod';
import { fenToDecimal, toIsoDate } from '../../kit/index.js';
import { toFilingPeriod } from './filingPeriods.js';
import type { TaxFilingRecord } from './TaxFilingRecord.js';
import { toTaxKind } from './toTaxKind.js';

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
