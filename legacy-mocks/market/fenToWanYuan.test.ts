import { describe, expect, it } from 'vitest';
import { fenToWanYuan } from './fenToWanYuan.js';

describe('fenToWanYuan', () => {
  it('prints 万元 exactly, without trailing zeros', () => {
    expect(fenToWanYuan(1_234_560_000)).toBe('1234.56');
    expect(fenToWanYuan(100_000_000)).toBe('100');
    expect(fenToWanYuan(150)).toBe('0.00015');
    expect(fenToWanYuan(0)).toBe('0');
    expect(fenToWanYuan(-2_500_000)).toBe('-2.5');
  });

  it('refuses fractions of a fen', () => {
    expect(() => fenToWanYuan(1.5)).toThrow(RangeError);
  });
});
