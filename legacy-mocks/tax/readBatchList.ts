import { TaxRefusal } from './TaxRefusal.js';
import { TAX_MAX_BATCH } from './taxLimits.js';

/**
 * The list a batch query carries in `field` of its JSON body. Refuses a body that is not an
 * object or lacks the list (2001) and a list longer than the published maximum (2006).
 */
export function readBatchList(body: unknown, field: string): readonly unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TaxRefusal('malformedRequest', 'the body must be a JSON object');
  const list: unknown = (body as Record<string, unknown>)[field];
  if (!Array.isArray(list)) throw new TaxRefusal('malformedRequest', `${field} must be a list`);
  if (list.length > TAX_MAX_BATCH)
    throw new TaxRefusal('batchTooLarge', `${field} has ${list.length} entries, at most ${TAX_MAX_BATCH} are allowed`);
  return list;
}
