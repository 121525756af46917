import type { Contribution, Resident } from './model.js';
import { periodFromIndex, periodIndex } from './periods.js';

/** Personal share of the base: 8% pension + 2% medical. Employer share: 16% pension + 8% medical. */
const PERSONAL_RATE_PERCENT = 10;
const EMPLOYER_RATE_PERCENT = 24;
const PENSION_PERSONAL_PERCENT = 8;
const MEDICAL_PERSONAL_PERCENT = 2;

/**
 * A resident's monthly contributions between two periods (inclusive), computed on demand:
 * the base grows 3% a year towards the account's current base, so older months pay less.
 */
export function contributionsOf(resident: Resident, from: string, to: string): Contribution[] {
  const account = resident.insurance;
  if (!account) return [];
  const first = Math.max(periodIndex(from), periodIndex(account.startPeriod));
  const last = Math.min(periodIndex(to), periodIndex(account.endPeriod));
  const contributions: Contribution[] = [];
  for (let index = first; index <= last; index++) {
    const period = periodFromIndex(index);
    const baseFen = baseForYear(account.contributionBaseFen, Number(period.slice(0, 4)), Number(account.endPeriod.slice(0, 4)));
    contributions.push({
      period,
      baseFen,
      personalFen: Math.round((baseFen * PERSONAL_RATE_PERCENT) / 100),
      employerFen: account.employerUscc ? Math.round((baseFen * EMPLOYER_RATE_PERCENT) / 100) : 0,
    });
  }
  return contributions;
}

/** The personal account balances: the personal pension and medical shares of every month paid. */
export function accountBalancesOf(resident: Resident): { pensionFen: number; medicalFen: number } {
  const account = resident.insurance;
  if (!account) return { pensionFen: 0, medicalFen: 0 };
  let pensionFen = 0;
  let medicalFen = 0;
  for (const month of contributionsOf(resident, account.startPeriod, account.endPeriod)) {
    pensionFen += Math.round((month.baseFen * PENSION_PERSONAL_PERCENT) / 100);
    medicalFen += Math.round((month.baseFen * MEDICAL_PERSONAL_PERCENT) / 100);
  }
  return { pensionFen, medicalFen };
}

function baseForYear(currentBaseFen: number, year: number, currentYear: number): number {
  const years = Math.max(0, currentYear - year);
  // Whole yuan, as the bureau rounds bases.
  return Math.round((currentBaseFen * 0.97 ** years) / 100) * 100;
}
