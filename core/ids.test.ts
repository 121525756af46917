import { describe, expect, it } from 'vitest';
import {
  isValidResidentId,
  isValidUscc,
  residentIdCheckDigit,
  residentIdProblem,
  usccCheckCharacter,
  usccProblem,
} from './ids.js';

// Published examples: the GB 11643-1999 standard's own sample (11010519491231002X) and
// USCCs printed on real business licences (GB 32100-2015 check characters).
describe('resident IDs (GB 11643-1999)', () => {
  it('accepts the standard sample whose check digit is X', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('accepts a sample with a numeric check digit', () => {
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
    expect(isValidResidentId('440524188001010014')).toBe(true);
    // Σ = 222, 222 mod 11 = 2, (12 − 2) mod 11 = 10: worked by hand.
    expect(residentIdCheckDigit('11010119900307803')).toBe('X');
  });

  it('rejects a wrong check digit and says so', () => {
    expect(residentIdProblem('110105194912310021')).toMatch(/check digit/);
  });

  it('rejects bad lengths, letters and impossible birth dates', () => {
    expect(residentIdProblem('1101051949123100')).toMatch(/18 characters/);
    expect(residentIdProblem('11010519491231A02X')).toMatch(/17 digits/);
    expect(residentIdProblem('110105194902300021')).toMatch(/birth date/);
  });

  it('never repeats the input in its reason', () => {
    const bad = '110105194912310021';
    expect(residentIdProblem(bad)).not.toContain(bad);
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts codes printed on real licences', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91110000600037341L')).toBe(true);
    expect(isValidUscc('91440300708461136T')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(usccProblem('91350100M000100Y44')).toMatch(/check character/);
  });

  it('rejects letters outside the alphabet', () => {
    expect(usccProblem('91350100M000I00Y43')).toMatch(/without I, O, S, V and Z/);
    expect(usccProblem('9135')).toMatch(/18 characters/);
  });
});
