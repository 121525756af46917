import { z } from 'zod';
import { canonicalId, fenToDecimal, isValidResidentId } from '../../kit/index.js';
import type { IncomeTaxReturnRecord } from './IncomeTaxReturnRecord.js';

const FEN = /^\d+$/;

/** One entry of hsqjList (个人所得税汇算清缴). */
const LegacyIncomeTaxReturn = z.object({
  sfzjhm: z.string().refine(isValidResidentId),
  nd: z.string().regex(/^\d{4}$/),
  srze: z.string().regex(FEN),
  ynse: z.string().regex(FEN),
  yjse: z.string().regex(FEN),
  // 应补(退)税额: positive is a balance to pay, negative a refund.
  ybtse: z.string().regex(/^-?\d+$/),
});

/**
 * Checks and translates one reconciliation entry; throws when it does not have the documented
 * shape, or when its balance is not tax due minus tax paid (the figures would contradict).
 */
export function toIncomeTaxReturnRecord(entry: unknown): IncomeTaxReturnRecord {
  const taxReturn = LegacyIncomeTaxReturn.parse(entry);
  const balance = BigInt(taxReturn.ybtse);
  if (balance !== BigInt(taxReturn.ynse) - BigInt(taxReturn.yjse)) throw new RangeError('ybtse is not ynse − yjse');
  return {
    personId: canonicalId(taxReturn.sfzjhm),
    year: Number(taxReturn.nd),
    income: fenToDecimal(taxReturn.srze),
    taxDue: fenToDecimal(taxReturn.ynse),
    taxPaid: fenToDecimal(taxReturn.yjse),
    refundDue: fenToDecimal(balance < 0n ? -balance : 0n),
  };
}
