import { pageBoundsOf } from '../../kit/index.js';
import type { CompanyResolvers } from '../generated/resolvers-types.js';
import { readLogPage } from '../readLogPage.js';
import { applicationsOfApplicant } from './applications.js';

export const Company: CompanyResolvers = {
  __resolveReference: (reference) => ({ uscc: reference.uscc }),
  dataAccessLog: (company, { first, after }, { loaders }, info) =>
    readLogPage(loaders.store, { kind: 'company', id: company.uscc }, { first, after }, pageBoundsOf(info)),
  applications: applicationsOfApplicant('company'),
};
