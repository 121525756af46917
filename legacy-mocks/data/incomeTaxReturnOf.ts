import type { IncomeTaxReturn, Resident } from './model.js';
import { LAST_PERIOD } from './periods.js';
import { stableInt } from './random.js';

/** The annual basic deduction: 60,000 CNY. */
const BASIC_DEDUCTION_FEN = 60_000 * 100;

/** The comprehensive income brackets (annual, CNY) and rates of the PRC individual income tax. */
const BRACKETS: ReadonlyArray<{ upToFen: number; ratePercent: number; quickDeductionFen: number }> = [
  { upToFen: 36_000 * 100, ratePercent: 3, quickDeductionFen: 0 },
  { upToFen: 144_000 * 100, ratePercent: 10, quickDeductionFen: 2_520 * 100 },
  { upToFen: 300_000 * 100, ratePercent: 20, quickDeductionFen: 16_920 * 100 },
  { upToFen: 420_000 * 100, ratePercent: 25, quickDeductionFen: 31_920 * 100 },
  { upToFen: 660_000 * 100, ratePercent: 30, quickDeductionFen: 52_920 * 100 },
  { upToFen: 960_000 * 100, ratePercent: 35, quickDeductionFen: 85_920 * 100 },
  { upToFen: Number.MAX_SAFE_INTEGER, ratePercent: 45, quickDeductionFen: 181_920 * 100 },
];

/**
 * A resident's annual income tax reconciliation, computed on demand: filed for the years they
 * were insured with an employer, up to the last complete year; null for any other year.
 * Withholding during the year is off by a stable few percent, giving a refund or a balance due.
 */
export function incomeTaxReturnOf(resident: Resident, year: number): IncomeTaxReturn | null {
  const account = resident.insurance;
  if (!account || account.employerUscc === null) return null;
  const lastCompleteYear = Number(LAST_PERIOD.slice(0, 4)) - 1;
  if (year > lastCompleteYear || year < Number(account.startPeriod.slice(0, 4)) || year > Number(account.endPeriod.slice(0, 4))) return null;
  const key = `${resident.id}:${year}`;
  const incomeFen = Math.round(account.contributionBaseFen * 12 * (0.97 ** (lastCompleteYear - year)) * (stableInt(`${key}:bonus`, 100, 160) / 100));
  const taxDueFen = taxOn(incomeFen - BASIC_DEDUCTION_FEN);
  const taxPaidFen = Math.round((taxDueFen * stableInt(`${key}:withheld`, 95, 106)) / 100);
  return { year, incomeFen, taxPaidFen, taxDueFen, refundDueFen: Math.max(0, taxPaidFen - taxDueFen) };
}

function taxOn(taxableFen: number): number {
  if (taxableFen <= 0) return 0;
  const bracket = BRACKETS.find((candidate) => taxableFen <= candidate.upToFen)!;
  return Math.round((taxableFen * bracket.ratePercent) / 100 - bracket.quickDeductionFen);
}
