import type { DataAccessResolvers } from '../generated/resolvers-types.js';

export const DataAccess: DataAccessResolvers = {
  accessor: (record) => ({ subject: record.subject, caller: record.caller }),
  policyVersion: (record) => record.policy,
  fields: (record) =>
    record.fields.map((entry) => ({ subject: record.subject, field: entry.field, decision: entry.decision })),
};
