import { badUserInput, largestListOf, monthsOf, periodProblem, type PeriodRange } from '../../kit/index.js';
import type { SocialSecurityAccountResolvers } from '../generated/resolvers-types.js';
import type { SocialSecurityAccountRecord } from '../legacy/index.js';
import type { SocialContext } from '../loaders.js';

export const SocialSecurityAccount: SocialSecurityAccountResolvers = {
  employer: (account) => (account.employerUscc ? { uscc: account.employerUscc } : null),
  // The longest range is the schema's (`@listSize(assumedSize: 600)`: fifty years, a working life),
  // the size the gateway's cost model prices the list at.
  contributions: (account, { from, to }, { loaders }, info) =>
    contributionsBetween(account, { from, to }, largestListOf(info), loaders),
  monthlyContributions: (account, { from, to }, { loaders }, info) =>
    contributionsBetween(account, { from, to }, largestListOf(info), loaders),
};

/**
 * The months from `from` to `to`, inclusive: contributions (deprecated, String arguments, so
 * checked here) and monthlyContributions (Period, which the scalar and the gateway check too).
 */
async function contributionsBetween(
  account: SocialSecurityAccountRecord,
  { from, to }: PeriodRange,
  maxMonths: number,
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
  if (months > maxMonths) throw badUserInput('to', `ask for at most ${maxMonths} months at a time`);
  const found = await loaders.contributions.load({ personId: account.personId, from, to });
  return found.map((month) => ({ ...month, personId: account.personId }));
}
