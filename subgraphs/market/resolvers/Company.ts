import type { CompanyResolvers } from '../generated/resolvers-types.js';
import { pageOf } from '../pageOf.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.company.load(reference.uscc),
  legalRepresentative: (company) => ({ id: company.legalRepresentativeId }),
  shareholders: async (company, { first, after }, { loaders }) => {
    const page = await pageOf(() => loaders.shareholders.load(company.uscc), { first, after });
    return {
      holdings: page.items,
      totalCount: page.totalCount,
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  },
};
