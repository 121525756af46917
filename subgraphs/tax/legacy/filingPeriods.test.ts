import { describe, expect, it } from 'vitest';
import { compareFilingPeriods, monthsOfFilingPeriod, toFilingPeriod } from './filingPeriods.js';

describe('toFilingPeriod', () => {
  it('names months, quarters and years', () => {
    expect(toFilingPeriod('20240201', '20240229')).toBe('2024-02');
    expect(toFilingPeriod('20241001', '20241231')).toBe('2024-Q4');
    expect(toFilingPeriod('20240101', '20241231')).toBe('2024');
  });

  it('refuses spans that are not tax periods', () => {
    expect(() => toFilingPeriod('20240201', '20240228')).toThrow(RangeError);
    expect(() => toFilingPeriod('20240201', '20240430')).toThrow(RangeError);
    expect(() => toFilingPeriod('20240101', '20240630')).toThrow(RangeError);
    expect(() => toFilingPeriod('20240102', '20240131')).toThrow(RangeError);
    expect(() => toFilingPeriod('20231201', '20240131')).toThrow(RangeError);
    expect(() => toFilingPeriod('20240231', '20240331')).toThrow(RangeError);
    expect(() => toFilingPeriod('18000101', '18000131')).toThrow(RangeError);
  });
});

describe('the months of a filing period', () => {
  it('are the months its name covers', () => {
    expect(monthsOfFilingPeriod('2024-03')).toEqual({ from: '2024-03', to: '2024-03' });
    expect(monthsOfFilingPeriod('2024-Q2')).toEqual({ from: '2024-04', to: '2024-06' });
    expect(monthsOfFilingPeriod('2024')).toEqual({ from: '2024-01', to: '2024-12' });
  });
});

describe('compareFilingPeriods', () => {
  it('orders by the day a period ends, the shorter period first', () => {
    expect(['2024', '2024-Q1', '2024-12', '2024-03', '2023', '2024-01'].sort(compareFilingPeriods)).toEqual([
      '2023',
      '2024-01',
      '2024-03',
      '2024-Q1',
      '2024-12',
      '2024',
    ]);
  });
});
