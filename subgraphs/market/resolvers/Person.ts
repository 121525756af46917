import { firstOf, pageBoundsOf } from '../../kit/index.js';
import type { PersonResolvers } from '../generated/resolvers-types.js';

// Each list's bounds are the schema's: `first`'s default and the list's @listSize(assumedSize:).
export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  legalRepresentativeOf: (person, { first }, { loaders }, info) =>
    firstOf(() => loaders.companiesByLegalRepresentative.load(person.id), first, pageBoundsOf(info)),
  shareholdings: (person, { first }, { loaders }, info) =>
    firstOf(() => loaders.shareholdings.load(person.id), first, pageBoundsOf(info)),
};
