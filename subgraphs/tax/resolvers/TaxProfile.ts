import { badUserInput } from '../../kit/index.js';
import type { TaxProfileResolvers } from '../generated/resolvers-types.js';
import { FIRST_TAX_YEAR, LAST_TAX_YEAR } from '../legacy/index.js';

export const TaxProfile: TaxProfileResolvers = {
  filings: async (profile, { year }, { loaders }) => {
    // The years the bureau keeps (legacy/taxYears.ts); the client would answer any other as [].
    if (year < FIRST_TAX_YEAR || year > LAST_TAX_YEAR)
      throw badUserInput('year', `filings are kept from ${FIRST_TAX_YEAR} to ${LAST_TAX_YEAR}`);
    const filings = await loaders.filings.load({ uscc: profile.uscc, year });
    return filings.map((filing) => ({ ...filing, uscc: profile.uscc }));
  },
};
