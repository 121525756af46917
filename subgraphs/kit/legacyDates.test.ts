import { describe, expect, it } from 'vitest';
import { chunk } from './chunk.js';
import { isoDateOrNull, toIsoDate } from './legacyDates.js';

describe('legacy dates', () => {
  it('reads yyyyMMdd calendar dates, leap days included', () => {
    expect(toIsoDate('20240229')).toBe('2024-02-29');
    expect(isoDateOrNull('20230229')).toBeNull();
    expect(isoDateOrNull('19000229')).toBeNull();
    expect(isoDateOrNull('20000229')).toBe('2000-02-29');
    expect(isoDateOrNull('2024-03-31')).toBeNull();
    expect(() => toIsoDate('20241301')).toThrow(RangeError);
  });
});

describe('chunk', () => {
  it('splits keys into batches of the maximum, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
