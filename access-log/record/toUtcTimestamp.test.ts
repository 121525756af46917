import { describe, expect, it } from 'vitest';
import { toUtcTimestamp } from './toUtcTimestamp.js';

describe('toUtcTimestamp', () => {
  it('writes every accepted timestamp in UTC with milliseconds, so stored ones sort as strings', () => {
    expect(toUtcTimestamp('2026-03-10T16:30:00+08:00', 'at')).toBe('2026-03-10T08:30:00.000Z');
    expect(toUtcTimestamp('2026-03-10T08:30Z', 'at')).toBe('2026-03-10T08:30:00.000Z');
    expect(toUtcTimestamp('2026-03-10T08:30:00.123456Z', 'at')).toBe('2026-03-10T08:30:00.123Z');
  });

  it('refuses a bare date, a local time and a non-string, naming the argument', () => {
    expect(() => toUtcTimestamp('2026-03-10', 'from')).toThrow(/^from must be an ISO timestamp/);
    expect(() => toUtcTimestamp('2026-03-10T08:30:00', 'to')).toThrow(/^to must be/);
    expect(() => toUtcTimestamp(1_700_000_000_000, 'at')).toThrow(/^at must be/);
  });

  it('refuses a day the calendar lacks rather than rolling it into the next month', () => {
    expect(() => toUtcTimestamp('2026-02-29T00:00:00Z', 'at')).toThrow(/not a real date/);
    expect(() => toUtcTimestamp('2026-01-01T25:00:00Z', 'at')).toThrow(/not a real date/);
  });
});
