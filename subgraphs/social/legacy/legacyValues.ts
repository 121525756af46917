import { z } from 'zod';
import {
  canonicalId,
  fromCompactPeriod,
  isDecimal,
  isoDateOrNull,
  isValidResidentId,
  isValidUscc,
} from '../../kit/index.js';

/**
 * The bureau's value formats as zod schemas that check a value and hand back its graph form, so
 * a malformed answer fails validation (DEPARTMENT_UNAVAILABLE, reason malformed) instead of
 * reaching a resolver. Messages name the format, never the value.
 */

/** Yuan with two decimals, as a string: already the graph's Decimal. */
export const yuan = z.string().refine(isDecimal, 'an amount is yuan with two decimals');

/** YYYYMM to YYYY-MM (core/period.ts). */
export const legacyPeriod = z
  .string()
  .transform((value, context) => fromCompactPeriod(value) ?? invalid(context, 'a period is YYYYMM'));

/** yyyyMMdd to YYYY-MM-DD. */
export const legacyDate = z
  .string()
  .transform((value, context) => isoDateOrNull(value) ?? invalid(context, 'a date is yyyyMMdd'));

/** 居住地址 longer than this is not an address but a fault in the bureau's record. */
export const MAX_ADDRESS_LENGTH = 200;

/** 联系电话: a mainland mobile number, 11 digits starting with 1, already the graph's form. */
export const mobilePhone = z.string().regex(/^1\d{10}$/, 'a phone is 11 digits starting with 1');

/** 居住地址: free text as on file, already the graph's form. */
export const homeAddress = z
  .string()
  .min(1, 'an address is not empty')
  .max(MAX_ADDRESS_LENGTH, `an address is at most ${MAX_ADDRESS_LENGTH} characters`);

export const residentId = z
  .string()
  .refine(isValidResidentId, 'a resident ID with a valid check digit')
  .transform(canonicalId);

export const uscc = z.string().refine(isValidUscc, 'a USCC with a valid check character').transform(canonicalId);

/**
 * A repeated element: the soap package gives an array, a lone object when the schema does not say
 * "many", and nothing at all when the list is empty (the bureau then omits the element).
 */
export function repeated<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item])
    .optional()
    .transform((value): z.output<T>[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
}

function invalid(context: z.RefinementCtx, message: string): never {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
}
