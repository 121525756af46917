import { badUserInput, isDecimal } from '../../kit/index.js';

/** 申请编号: SB, the day (yyyyMMdd) and 6 digits (legacy-mocks/social/README.md). */
const CLAIM_NUMBER = /^SB\d{14}$/;
/** 银行账号: 12 to 30 digits once spaces are taken out. */
const BANK_ACCOUNT = /^\d{12,30}$/;
const MAX_ACCOUNT_NUMBER = 64;

export function assertClaimNumber(value: string, argument: string): string {
  const number = value.trim().toUpperCase();
  if (!CLAIM_NUMBER.test(number)) throw badUserInput(argument, 'a claim number is SB followed by 14 digits');
  return number;
}

/** The bank account as the bureau takes it: digits only. */
export function toBankAccount(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (!BANK_ACCOUNT.test(digits)) throw badUserInput('bankAccount', 'a bank account is 12 to 30 digits');
  return digits;
}

/**
 * The pre-filled figures a claim may carry (the applicant saw them; the bureau decides on its
 * own records): checked for form, so a caller learns of a mistake, and not sent.
 */
export function checkPrefilledFigures(args: {
  accountNumber?: string | null;
  contributionMonths?: number | null;
  lastYearIncome?: string | null;
}): void {
  const { accountNumber, contributionMonths, lastYearIncome } = args;
  if (accountNumber != null && (accountNumber.trim() === '' || accountNumber.length > MAX_ACCOUNT_NUMBER))
    throw badUserInput('accountNumber', `1 to ${MAX_ACCOUNT_NUMBER} characters`);
  if (contributionMonths != null && !(Number.isInteger(contributionMonths) && contributionMonths >= 0))
    throw badUserInput('contributionMonths', 'a number of months, 0 or more');
  if (lastYearIncome != null && (!isDecimal(lastYearIncome) || lastYearIncome.startsWith('-')))
    throw badUserInput('lastYearIncome', 'an amount of 0.00 or more');
}
