import { badUserInput, monthsOf, periodProblem } from '../../kit/index.js';
import type { SocialSecurityAccountResolvers } from '../generated/resolvers-types.js';
import type { SocialSecurityAccountRecord } from '../legacy/index.js';
import type { SocialContext } from '../loaders.js';

/**
 * Fifty years of months: a working life, and a bound on what one field can ask of the bureau. The
 * schema declares it to the gateway's cost model (`@listSize(assumedSize: 600)` on contributions
 * and monthlyContributions); test/abuse/listSizes.test.ts keeps them equal.
 */
export const MAX_RANGE_MONTHS = 600;

export const SocialSecurityAccount: SocialSecurityAccountResolvers = {
  employer: (account) => (account.employerUscc ? { uscc: account.employerUscc } : null),
  contributions: (account, { from, to }, { loaders }) => contributionsBetween(account, from, to, loaders),
  monthlyContributions: (account, { from, to }, { loaders }) => contributionsBetween(account, from, to, loaders),
};

/**
 * The months from `from` to `to`, inclusive: contributions (deprecated, String arguments, so
 * checked here) and monthlyContributions (Period, which the scalar and the gateway check too).
 */
async function contributionsBetween(
  account: SocialSecurityAccountRecord,
  from: string,
  to: string,
  loaders: SocialContext['loaders'],
) {
  for (const [argument, period] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const problem = periodProblem(period);
    if (problem) throw badUserInput(argument, problem);
  }
  const months = monthsOf({ from, to });
  if (months < 1) throw badUserInput('to', 'the period `to` comes before `from`');
  if (months > MAX_RANGE_MONTHS) throw badUserInput('to', `ask for at most ${MAX_RANGE_MONTHS} months at a time`);
  const found = await loaders.contributions.load({ personId: account.personId, from, to });
  return found.map((month) => ({ ...month, personId: account.personId }));
}
