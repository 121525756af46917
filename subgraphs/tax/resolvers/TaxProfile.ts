import { badUserInput } from '../../kit/index.js';
import type { TaxProfileResolvers } from '../generated/resolvers-types.js';

/** The bureau keeps filings from 1994 (the tax-sharing reform) on. */
const FIRST_FILING_YEAR = 1994;
const LAST_FILING_YEAR = 2100;

export const TaxProfile: TaxProfileResolvers = {
  filings: async (profile, { year }, { loaders }) => {
    if (year < FIRST_FILING_YEAR || year > LAST_FILING_YEAR) throw badUserInput('year', `filings are kept from ${FIRST_FILING_YEAR} on`);
    const filings = await loaders.filings.load({ uscc: profile.uscc, year });
    return filings.map((filing) => ({ ...filing, uscc: profile.uscc }));
  },
};
