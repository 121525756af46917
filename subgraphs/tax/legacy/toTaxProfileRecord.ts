import { z } from 'zod';
import { canonicalId, fenToDecimal, isValidUscc, toIsoDate } from '../../kit/index.js';
import type { TaxProfileRecord } from './TaxProfileRecord.js';

/** One entry of nsrxxList (纳税人信息); fields the graph does not use (nsrmc) are dropped. */
const LegacyTaxpayer = z.object({
  nsrsbh: z.string().refine(isValidUscc),
  nsrlx: z.enum(['1', '2']),
  swdjrq: z.string(),
  nsxydj: z.enum(['A', 'B', 'M', 'C', 'D']),
  qsje: z.string().regex(/^\d+$/),
});

/** Checks and translates one taxpayer entry; throws when it does not have the documented shape. */
export function toTaxProfileRecord(entry: unknown): TaxProfileRecord {
  const taxpayer = LegacyTaxpayer.parse(entry);
  return {
    uscc: canonicalId(taxpayer.nsrsbh),
    taxpayerType: taxpayer.nsrlx === '1' ? 'GENERAL' : 'SMALL_SCALE',
    registeredOn: toIsoDate(taxpayer.swdjrq),
    creditRating: taxpayer.nsxydj,
    arrears: fenToDecimal(taxpayer.qsje),
  };
}
