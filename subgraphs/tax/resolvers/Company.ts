import type { CompanyResolvers } from '../generated/resolvers-types.js';

export const Company: CompanyResolvers = {
  // The tax bureau trusts the gateway's reference: whether the taxpayer exists shows in `tax`.
  __resolveReference: (reference) => ({ uscc: reference.uscc }),
  tax: (company, _args, { loaders }) => loaders.taxProfile.load(company.uscc),
};
