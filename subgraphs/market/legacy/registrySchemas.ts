import { z } from 'zod';

/**
 * The registry's answers as registry.wsdl describes them, checked before use: an answer that
 * does not fit is a malformed answer, never a crash. Field names are the registry's own
 * (tyshxydm = USCC, zczb = capital in 万元, ...); toCompanyRecord and toShareholdingRecord
 * turn them into graph records.
 */

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const RESIDENT_ID = /^\d{17}[\dXx]$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** The `soap` parser gives a repeated element as an array, a single one as an object, none as nothing. */
function listOf<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(schema));
}

export const qyxxSchema = z.object({
  tyshxydm: z.string().regex(USCC),
  qymc: z.string().min(1),
  qylx: z.string().min(1),
  djzt: z.string(),
  clrq: z.string(),
  zczb: z.string().regex(DECIMAL),
  zs: z.string(),
  jyfw: z.string(),
  fddbr: z.string().min(1),
  fddbrzjhm: z.string().regex(RESIDENT_ID),
});

export const gdxxSchema = z.object({
  tyshxydm: z.string().regex(USCC),
  gdmc: z.string().min(1),
  zjhm: z.string().regex(RESIDENT_ID),
  cgbl: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
  rjcze: z.string().regex(DECIMAL),
});

const count = z.number().int().nonnegative();

/** queryQyjbxx and queryQyjbxxByFddbr: jls (记录数) must match the records sent. */
export const qyxxListSchema = z
  .object({ jls: count, qyxx: listOf(qyxxSchema) })
  .refine((answer) => answer.jls === answer.qyxx.length, 'jls does not match the number of qyxx');

/** queryGdxx and queryDwtzxx. */
export const gdxxListSchema = z
  .object({ jls: count, gdxx: listOf(gdxxSchema) })
  .refine((answer) => answer.jls === answer.gdxx.length, 'jls does not match the number of gdxx');

/** searchQyjbxx: one page and the total (zjls) over all pages. */
export const searchPageSchema = z.object({ zjls: count, ym: count, mys: count, qyxx: listOf(qyxxSchema) });

export type Qyxx = z.infer<typeof qyxxSchema>;
export type Gdxx = z.infer<typeof gdxxSchema>;
