import type { PersonResolvers } from '../generated/resolvers-types.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  legalRepresentativeOf: (person, _args, { loaders }) => loaders.companiesByLegalRepresentative.load(person.id),
  shareholdings: (person, _args, { loaders }) => loaders.shareholdings.load(person.id),
};
