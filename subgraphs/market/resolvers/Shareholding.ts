import { departmentUnavailable } from '../../kit/index.js';
import type { ShareholdingResolvers } from '../generated/resolvers-types.js';

export const Shareholding: ShareholdingResolvers = {
  holder: (holding) => ({ id: holding.holderId }),
  company: async (holding, _args, { loaders }) => {
    const company = await loaders.company.load(holding.companyUscc);
    // The registry listed a stake in a company it then does not know: its data is inconsistent.
    if (!company) throw departmentUnavailable('market', 'malformed');
    return company;
  },
};
