import { idempotencyKeyProblem } from '../common/index.js';
import type { TaxContext, TaxOperation, TaxRequest } from './TaxOperation.js';
import { TaxRefusal } from './TaxRefusal.js';

/**
 * A write of the tax system's interface: a POST whose JSON body carries `qqlsh` (请求流水号, the
 * caller's idempotency key) beside the operation's fields. The key is checked first (2008), the
 * call counted, the fields read (`read`, which refuses malformed input); then the write store runs
 * it once: the same qqlsh again answers the first answer, another request under it is 2009, and a
 * new one is checked against the register (`decide`) before it is journaled and answered.
 */
export function taxWriteOperation<I>(definition: {
  name: string;
  path: string;
  read(body: Record<string, unknown>): I;
  decide(input: I, context: TaxContext): object;
}): TaxOperation {
  return {
    name: definition.name,
    method: 'POST',
    path: definition.path,
    run({ body }: TaxRequest, context: TaxContext) {
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new TaxRefusal('malformedRequest', 'the body must be a JSON object');
      const fields = body as Record<string, unknown>;
      const keyProblem = idempotencyKeyProblem(fields.qqlsh);
      if (keyProblem) throw new TaxRefusal('malformedSerial', keyProblem);
      context.stats.record(definition.name, 1);
      const input = definition.read(fields);
      const outcome = context.writes.write(definition.name, fields.qqlsh as string, input, () =>
        definition.decide(input, context),
      );
      if (outcome.kind === 'keyReused')
        throw new TaxRefusal('serialReused', `it was used for a ${outcome.operation} request`);
      return outcome.answer;
    },
  };
}
