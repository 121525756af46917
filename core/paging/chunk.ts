/**
 * Splits keys into batches of at most `size`: every legacy system has a batch maximum. The
 * legacy side's cut, as pageOf is the caller's and splitPeriodRange (core/period.ts) a range's.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('a batch holds at least one item');
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
