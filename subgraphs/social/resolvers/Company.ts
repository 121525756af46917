import type { CompanyResolvers } from '../generated/resolvers-types.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference) => ({ uscc: reference.uscc }),
  socialInsurance: (company, _args, { loaders }) => loaders.employerAccount.load(company.uscc),
};
