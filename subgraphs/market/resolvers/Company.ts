import { pageBoundsOf, pageOf } from '../../kit/index.js';
import type { CompanyResolvers } from '../generated/resolvers-types.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.company.load(reference.uscc),
  legalRepresentative: (company) => ({ id: company.legalRepresentativeId }),
  // The page's bounds are the schema's (first = 20, holdings @listSize(assumedSize: 100)).
  shareholders: async (company, { first, after }, { loaders }, info) => {
    const page = await pageOf(() => loaders.shareholders.load(company.uscc), { first, after }, pageBoundsOf(info));
    return {
      holdings: page.items,
      totalCount: page.totalCount,
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  },
};
