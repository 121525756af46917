import { assertValidUscc, badUserInput } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import type { MarketClient } from '../legacy/index.js';

/** The most companies one search returns: a portal shows a page, not the registry. */
export const MAX_SEARCH_RESULTS = 100;
/** Keywords longer than a company name can be only cost the registry a scan. */
const MAX_KEYWORD_LENGTH = 50;

export function createQuery(client: MarketClient): QueryResolvers {
  return {
    company: (_parent, { uscc }, { loaders }) => loaders.company.load(assertValidUscc(uscc)),
    searchCompanies: async (_parent, { name, first }, { loaders }) => {
      const keyword = name.trim();
      if (keyword.length === 0) throw badUserInput('name', 'give at least one character of the company name');
      if (keyword.length > MAX_KEYWORD_LENGTH)
        throw badUserInput('name', `a keyword has at most ${MAX_KEYWORD_LENGTH} characters`);
      const count = first ?? 20;
      if (!Number.isInteger(count) || count < 1 || count > MAX_SEARCH_RESULTS)
        throw badUserInput('first', `ask for 1 to ${MAX_SEARCH_RESULTS} companies`);
      return [...loaders.prime(await client.searchCompanies(keyword, count))];
    },
  };
}
