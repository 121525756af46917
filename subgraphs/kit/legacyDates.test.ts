import { describe, expect, it } from 'vitest';
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
