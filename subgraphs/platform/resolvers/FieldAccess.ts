import type { FieldAccessResolvers } from '../generated/resolvers-types.js';

export const FieldAccess: FieldAccessResolvers = {
  decision: (access) => access.decision.toUpperCase() as 'ALLOWED' | 'MASKED' | 'DENIED',
};
