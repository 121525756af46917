import { describe, expect, it } from 'vitest';
import { fenToDecimal, scaleDecimal } from './money.js';

describe('money', () => {
  it('turns fen into yuan with two decimals, exactly', () => {
    expect(fenToDecimal(123_456_789)).toBe('1234567.89');
    expect(fenToDecimal('5')).toBe('0.05');
    expect(fenToDecimal(-250)).toBe('-2.50');
    expect(fenToDecimal('90071992547409931234')).toBe('900719925474099312.34');
  });

  it('scales 10k-CNY strings to yuan without floats', () => {
    expect(scaleDecimal('4409.9', 4)).toBe('44099000.00');
    expect(scaleDecimal('0.000123', 4)).toBe('1.23');
    expect(scaleDecimal('12345.67', 0)).toBe('12345.67');
    expect(scaleDecimal('12', 0)).toBe('12.00');
  });

  it('refuses precision finer than a fen and non-numbers', () => {
    expect(() => scaleDecimal('0.0000001', 4)).toThrow(/fen/);
    expect(() => scaleDecimal('12a', 0)).toThrow(/decimal/);
    expect(() => fenToDecimal(1.5)).toThrow();
  });
});
