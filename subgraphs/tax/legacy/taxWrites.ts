import { z } from 'zod';
import { departmentRefused, readAnswer, toIsoDate, type LegacyHttpAnswer } from '../../kit/index.js';
import type { TaxpayerRegistrationRecord } from './TaxpayerRegistrationRecord.js';
import { TAX_REFUSALS } from './taxRefusals.js';

/** The bureau's two writes (legacy-mocks/tax/README.md, "Writes"). */
export const TAX_WRITE_PATHS = { register: '/api/swdj/dj', cancel: '/api/swdj/zx' } as const;

/** 纳税人类型: "1" 一般纳税人 (general), "2" 小规模纳税人 (small-scale). */
export const NSRLX_BY_TAXPAYER_TYPE = { GENERAL: '1', SMALL_SCALE: '2' } as const;

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const registered = z.object({ nsrsbh: z.string().regex(USCC), djxh: z.string().regex(/^\d{20}$/), swdjrq: z.string() });
const cancelled = z.object({ nsrsbh: z.string().regex(USCC), zxrq: z.string() });

/** A success's `data` read into a record; the envelope was read by the client (readTaxData). */
export function toRegistered(data: unknown): TaxpayerRegistrationRecord {
  return readAnswer('tax', () => {
    const answer = registered.parse(data);
    return { uscc: answer.nsrsbh, status: 'REGISTERED', registrationNumber: answer.djxh, on: toIsoDate(answer.swdjrq) };
  });
}

export function toCancelled(data: unknown): TaxpayerRegistrationRecord {
  return readAnswer('tax', () => {
    const answer = cancelled.parse(data);
    return { uscc: answer.nsrsbh, status: 'CANCELLED', registrationNumber: null, on: toIsoDate(answer.zxrq) };
  });
}

/**
 * A write's refusal: DEPARTMENT_REFUSED when the result code is one of the bureau's decisions,
 * else undefined (the client fails it as any other refusal). Thrown inside the guard, a product
 * error that is not DEPARTMENT_UNAVAILABLE: neither retried nor counted against the circuit.
 */
export function refusalOf(answer: LegacyHttpAnswer): Error | undefined {
  const code = codeOf(answer.body);
  return answer.status === 200 && code !== undefined && Object.hasOwn(TAX_REFUSALS, code)
    ? departmentRefused('tax', TAX_REFUSALS[code]!, code)
    : undefined;
}

function codeOf(body: unknown): string | undefined {
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    const code = (parsed as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
