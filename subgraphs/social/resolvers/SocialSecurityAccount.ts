import { badUserInput } from '../../kit/index.js';
import type { SocialSecurityAccountResolvers } from '../generated/resolvers-types.js';
import type { SocialSecurityAccountRecord } from '../legacy/index.js';
import type { SocialContext } from '../loaders.js';

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/**
 * Fifty years of months: a working life, and a bound on what one field can ask of the bureau. The
 * schema declares it to the gateway's cost model (`@listSize(assumedSize: 600)` on contributions
 * and monthlyContributions); test/abuse/listSizes.test.ts keeps them equal.
 */
export const MAX_RANGE_MONTHS = 600;
/**
 * The years a period may name. The bureau's system keeps contributions of the insured alive today
 * and rejects a year it cannot write as YYYY (year 0000 reached it as a fault and read as the
 * department being down); a period outside these years is the caller's mistake, said before any call.
 */
const FIRST_PERIOD_YEAR = 1900;
const LAST_PERIOD_YEAR = 2099;

function monthIndex(period: string, argument: 'from' | 'to'): number {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw badUserInput(argument, 'a period is written YYYY-MM, e.g. 2024-03');
  const year = Number(match[1]);
  if (year < FIRST_PERIOD_YEAR || year > LAST_PERIOD_YEAR)
    throw badUserInput(argument, `a period's year is from ${FIRST_PERIOD_YEAR} to ${LAST_PERIOD_YEAR}`);
  return year * 12 + Number(match[2]) - 1;
}

export const SocialSecurityAccount: SocialSecurityAccountResolvers = {
  employer: (account) => (account.employerUscc ? { uscc: account.employerUscc } : null),
  contributions: (account, { from, to }, { loaders }) => contributionsBetween(account, from, to, loaders),
  monthlyContributions: (account, { from, to }, { loaders }) => contributionsBetween(account, from, to, loaders),
};

/** The months from `from` to `to`, inclusive: contributions (deprecated, String arguments) and monthlyContributions (Period). */
async function contributionsBetween(
  account: SocialSecurityAccountRecord,
  from: string,
  to: string,
  loaders: SocialContext['loaders'],
) {
  const start = monthIndex(from, 'from');
  const span = monthIndex(to, 'to') - start;
  if (span < 0) throw badUserInput('to', 'the period `to` comes before `from`');
  if (span >= MAX_RANGE_MONTHS) throw badUserInput('to', `ask for at most ${MAX_RANGE_MONTHS} months at a time`);
  const months = await loaders.contributions.load({ personId: account.personId, from, to });
  return months.map((month) => ({ ...month, personId: account.personId }));
}
