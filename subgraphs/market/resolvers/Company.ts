import type { CompanyResolvers } from '../generated/resolvers-types.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.company.load(reference.uscc),
  legalRepresentative: (company) => ({ id: company.legalRepresentativeId }),
  shareholders: (company, _args, { loaders }) => loaders.shareholders.load(company.uscc),
};
