import type { PersonResolvers } from '../generated/resolvers-types.js';
import { pageSize } from '../pageOf.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  legalRepresentativeOf: async (person, { first }, { loaders }) => {
    const size = pageSize(first);
    return (await loaders.companiesByLegalRepresentative.load(person.id)).slice(0, size);
  },
  shareholdings: async (person, { first }, { loaders }) => {
    const size = pageSize(first);
    return (await loaders.shareholdings.load(person.id)).slice(0, size);
  },
};
