import type { FieldOfSchema } from './pageBoundsOf.js';
import { listSizeOfField } from './listSize.js';

/**
 * The most items a bounded list answers (a range of months, not a page), as its schema declares
 * it with `@listSize(assumedSize:)`: the gateway's cost model prices the list at that size, and
 * the resolver refuses a longer one, from the same declaration. Throws a plain Error when the
 * schema declares none: the department's mistake, which a test of its resolver finds.
 */
export function largestListOf(info: FieldOfSchema): number {
  const field = info.parentType.getFields()[info.fieldName];
  const size = field && listSizeOfField(info.schema, field)?.assumedSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1)
    throw new Error(`${info.parentType.name}.${info.fieldName} declares no @listSize(assumedSize:)`);
  return size;
}
