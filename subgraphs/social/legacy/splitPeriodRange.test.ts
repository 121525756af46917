import { describe, expect, it } from 'vitest';
import { splitPeriodRange } from './splitPeriodRange.js';

describe('splitPeriodRange', () => {
  it('keeps a range of at most the maximum in one window', () => {
    expect(splitPeriodRange('202401', '202401', 120)).toEqual([{ from: '202401', to: '202401' }]);
    expect(splitPeriodRange('201501', '202412', 120)).toEqual([{ from: '201501', to: '202412' }]);
  });

  it('splits one month over the maximum into two windows, across year ends', () => {
    expect(splitPeriodRange('201501', '202501', 120)).toEqual([
      { from: '201501', to: '202412' },
      { from: '202501', to: '202501' },
    ]);
    expect(splitPeriodRange('202311', '202403', 2)).toEqual([
      { from: '202311', to: '202312' },
      { from: '202401', to: '202402' },
      { from: '202403', to: '202403' },
    ]);
  });
});
