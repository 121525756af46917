import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { optionalReason } from '../../kit/index.js';
import { assertClaimNumber, checkPrefilledFigures, toBankAccount } from './writeInput.js';

function argumentRefused(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError
      ? `${String(error.extensions.code)} ${String(error.extensions.argument)}`
      : error;
  }
  return 'accepted';
}

describe('the social writes’ input', () => {
  it('takes a bank account of 12 to 30 digits, spaces ignored', () => {
    expect(toBankAccount('6222 0212 3456 7890 123')).toBe('6222021234567890123');
    expect(argumentRefused(() => toBankAccount('12345678901'))).toBe('BAD_USER_INPUT bankAccount');
    expect(argumentRefused(() => toBankAccount('6222-0212-3456-7890'))).toBe('BAD_USER_INPUT bankAccount');
    expect(argumentRefused(() => toBankAccount('1'.repeat(31)))).toBe('BAD_USER_INPUT bankAccount');
  });

  it('takes a claim number of the bureau’s form only', () => {
    expect(assertClaimNumber(' sb20261207000123 ', 'number')).toBe('SB20261207000123');
    expect(argumentRefused(() => assertClaimNumber('SB2026120700012', 'claimNumber'))).toBe(
      'BAD_USER_INPUT claimNumber',
    );
  });

  it('checks the pre-filled figures for form, and a reason for length', () => {
    expect(
      argumentRefused(() =>
        checkPrefilledFigures({ accountNumber: 'A1', contributionMonths: 0, lastYearIncome: '0.00' }),
      ),
    ).toBe('accepted');
    expect(argumentRefused(() => checkPrefilledFigures({ contributionMonths: -1 }))).toBe(
      'BAD_USER_INPUT contributionMonths',
    );
    expect(argumentRefused(() => checkPrefilledFigures({ lastYearIncome: '-1.00' }))).toBe(
      'BAD_USER_INPUT lastYearIncome',
    );
    expect(argumentRefused(() => checkPrefilledFigures({ accountNumber: ' ' }))).toBe('BAD_USER_INPUT accountNumber');
    expect(optionalReason(' ')).toBeNull();
    expect(argumentRefused(() => optionalReason('x'.repeat(201)))).toBe('BAD_USER_INPUT reason');
  });
});
