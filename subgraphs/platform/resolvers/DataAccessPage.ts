import type { DataAccessPageResolvers } from '../generated/resolvers-types.js';

export const DataAccessPage: DataAccessPageResolvers = {
  accesses: (page) => [...page.records],
};
