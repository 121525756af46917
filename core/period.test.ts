import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  comparePeriodRanges,
  comparePeriods,
  fromCompactPeriod,
  isPeriod,
  monthIndexOf,
  monthsOf,
  periodAt,
  periodOfDate,
  periodProblem,
  periodRangeOfDays,
  splitPeriodRange,
  toCompactPeriod,
} from './period.js';
import { PeriodScalar } from './scalars.js';

describe('a period', () => {
  it('is a month written YYYY-MM of the years 1900 to 2099', () => {
    for (const period of ['1900-01', '2024-03', '2099-12']) expect(isPeriod(period), period).toBe(true);
    for (const value of ['2024-13', '2024-00', '2024-3', '202403', '2024-03-01', ' 2024-03', '', 202403, null])
      expect(periodProblem(value), String(value)).toBe('a period is written YYYY-MM, e.g. 2024-03');
    for (const period of ['0000-01', '1899-12', '2100-01'])
      expect(periodProblem(period), period).toBe("a period's year is from 1900 to 2099");
  });

  it('counts as a month index and back, across year ends', () => {
    expect(monthIndexOf('2024-01') - monthIndexOf('2023-12')).toBe(1);
    expect(periodAt(monthIndexOf('2023-12') + 1)).toBe('2024-01');
    expect(periodAt(monthIndexOf('1900-01'))).toBe('1900-01');
    expect(() => monthIndexOf('2024-13')).toThrow(RangeError);
    expect(() => periodAt(monthIndexOf('2099-12') + 1)).toThrow(RangeError);
  });

  it('orders oldest first', () => {
    expect(['2024-03', '2023-12', '2024-01'].sort(comparePeriods)).toEqual(['2023-12', '2024-01', '2024-03']);
  });

  it('reads the period of an ISO date, and nothing else', () => {
    expect(periodOfDate('2024-02-29')).toBe('2024-02');
    expect(periodOfDate('20240229')).toBeNull();
    expect(periodOfDate('1800-01-01')).toBeNull();
  });

  it('goes to and from the compact writing of the legacy systems (YYYYMM)', () => {
    expect(toCompactPeriod('2024-03')).toBe('202403');
    expect(fromCompactPeriod('202403')).toBe('2024-03');
    for (const compact of ['202413', '2024-03', '20240', '000001']) expect(fromCompactPeriod(compact)).toBeNull();
    expect(() => toCompactPeriod('2024-13')).toThrow(RangeError);
  });
});

describe('a range of periods', () => {
  it('counts its months, both ends included', () => {
    expect(monthsOf({ from: '2024-01', to: '2024-01' })).toBe(1);
    expect(monthsOf({ from: '1976-11', to: '2026-10' })).toBe(600);
    expect(monthsOf({ from: '2025-01', to: '2024-01' })).toBeLessThan(1);
  });

  it('splits into parts of at most the maximum, oldest first, across year ends', () => {
    expect(splitPeriodRange({ from: '2024-01', to: '2024-01' }, 120)).toEqual([{ from: '2024-01', to: '2024-01' }]);
    expect(splitPeriodRange({ from: '2015-01', to: '2024-12' }, 120)).toEqual([{ from: '2015-01', to: '2024-12' }]);
    expect(splitPeriodRange({ from: '2015-01', to: '2025-01' }, 120)).toEqual([
      { from: '2015-01', to: '2024-12' },
      { from: '2025-01', to: '2025-01' },
    ]);
    expect(splitPeriodRange({ from: '2023-11', to: '2024-03' }, 2)).toEqual([
      { from: '2023-11', to: '2023-12' },
      { from: '2024-01', to: '2024-02' },
      { from: '2024-03', to: '2024-03' },
    ]);
    expect(splitPeriodRange({ from: '2025-01', to: '2024-01' }, 2)).toEqual([]);
    expect(() => splitPeriodRange({ from: '2024-01', to: '2024-02' }, 0)).toThrow(RangeError);
  });

  it('orders by the month it ends, the shorter first', () => {
    const march = { from: '2024-03', to: '2024-03' };
    const q1 = { from: '2024-01', to: '2024-03' };
    const year = { from: '2024-01', to: '2024-12' };
    const january = { from: '2024-01', to: '2024-01' };
    expect([year, q1, march, january].sort(comparePeriodRanges)).toEqual([january, march, q1, year]);
  });

  it('is read from a first and a last day only when they start and end months', () => {
    expect(periodRangeOfDays('2024-01-01', '2024-03-31')).toEqual({ from: '2024-01', to: '2024-03' });
    expect(periodRangeOfDays('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02', to: '2024-02' });
    expect(periodRangeOfDays('2024-02-01', '2024-02-28')).toBeNull();
    expect(periodRangeOfDays('2024-01-02', '2024-01-31')).toBeNull();
  });
});

describe('the Period scalar', () => {
  it('accepts a month and refuses anything else, in words a caller can act on', () => {
    expect(PeriodScalar.parseValue('2026-10')).toBe('2026-10');
    expect(PeriodScalar.parseLiteral({ kind: Kind.STRING, value: '2026-10' })).toBe('2026-10');
    expect(() => PeriodScalar.parseValue('2026-13')).toThrow('Period values are months: a period is written YYYY-MM');
    expect(() => PeriodScalar.parseValue(202610)).toThrow(/YYYY-MM/);
    expect(() => PeriodScalar.parseLiteral({ kind: Kind.STRING, value: '0000-01' })).toThrow(/from 1900 to 2099/);
    expect(() => PeriodScalar.parseLiteral({ kind: Kind.INT, value: '202610' })).toThrow(/YYYY-MM/);
  });

  it('serialises only months', () => {
    expect(PeriodScalar.serialize('2026-10')).toBe('2026-10');
    expect(() => PeriodScalar.serialize('202610')).toThrow(/YYYY-MM/);
  });
});
