import type { PersonResolvers } from '../generated/resolvers-types.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.person.load(reference.id),
  socialSecurity: (person) => person.account,
};
