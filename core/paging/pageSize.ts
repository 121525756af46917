import { badUserInput } from '../errors.js';
import type { PageBounds } from './pageBoundsOf.js';

/**
 * The page a caller asked for, checked against the field's bounds: the default when left out
 * (or null), else a whole number from 1 to the largest page; anything else is the caller's
 * BAD_USER_INPUT, said before any legacy system is asked.
 */
export function pageSize(first: number | null | undefined, bounds: PageBounds): number {
  const size = first ?? bounds.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > bounds.maxSize) {
    const next = bounds.paged ? ', and the next page with `after`' : '';
    throw badUserInput(bounds.argument, `ask for 1 to ${bounds.maxSize} at a time${next}`);
  }
  return size;
}
