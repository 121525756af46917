import { assertValidUscc, badUserInput, pageBoundsOf, pageSize } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import type { MarketClient } from '../legacy/index.js';

/** Keywords longer than a company name can be only cost the registry a scan. */
const MAX_KEYWORD_LENGTH = 50;

export function createQuery(client: MarketClient): QueryResolvers {
  return {
    company: (_parent, { uscc }, { loaders }) => loaders.company.load(assertValidUscc(uscc)),
    // At most a page of companies (the schema's `first`, 1 to its assumedSize): a portal shows a page, not the registry.
    searchCompanies: async (_parent, { name, first }, { loaders }, info) => {
      const keyword = name.trim();
      if (keyword.length === 0) throw badUserInput('name', 'give at least one character of the company name');
      if (keyword.length > MAX_KEYWORD_LENGTH)
        throw badUserInput('name', `a keyword has at most ${MAX_KEYWORD_LENGTH} characters`);
      const count = pageSize(first, pageBoundsOf(info));
      return [...loaders.prime(await client.searchCompanies(keyword, count))];
    },
  };
}
