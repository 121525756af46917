import { z } from 'zod';
import { TaxAnswerError } from './TaxAnswerError.js';

/** Every answer of the tax system, success or refusal, is this wrapper. */
const TaxEnvelope = z.object({ code: z.string(), msg: z.string().optional(), data: z.unknown().optional() });

export type TaxEnvelope = z.infer<typeof TaxEnvelope>;

/**
 * The `{ code, msg, data }` wrapper of one HTTP answer. Throws TaxAnswerError for a server
 * error status (its body is not trusted), for a body that is not the wrapper, and for any
 * status other than 200 (the bureau sends refusals such as 401 in the wrapper too).
 */
export function readTaxEnvelope(status: number, body: unknown): TaxEnvelope {
  if (status >= 500) throw new TaxAnswerError('status', status, { code: peekCode(body) });
  let envelope: TaxEnvelope;
  try {
    envelope = TaxEnvelope.parse(typeof body === 'string' ? JSON.parse(body) : body);
  } catch (cause) {
    throw new TaxAnswerError(status === 200 ? 'format' : 'status', status, { cause });
  }
  if (status !== 200) throw new TaxAnswerError('status', status, { code: envelope.code, legacyMessage: envelope.msg });
  return envelope;
}

/** The result code of an error body, if it has one: the bureau's "9999 系统繁忙" arrives with a 500. */
function peekCode(body: unknown): string | undefined {
  try {
    const parsed: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    const result = TaxEnvelope.safeParse(parsed);
    return result.success ? result.data.code : undefined;
  } catch {
    return undefined;
  }
}
