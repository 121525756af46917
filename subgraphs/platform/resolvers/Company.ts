import type { CompanyResolvers } from '../generated/resolvers-types.js';
import { readLogPage } from '../readLogPage.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference) => ({ uscc: reference.uscc }),
  dataAccessLog: (company, { first, after }, { loaders }) =>
    readLogPage(loaders.store, { kind: 'company', id: company.uscc }, { first: first ?? 20, after }),
};
