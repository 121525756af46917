import { assertValidResidentId } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import type { SocialWrites } from '../legacy/index.js';
import { assertClaimNumber } from './writeInput.js';

export const createQuery = (writes: SocialWrites): QueryResolvers => ({
  // A citizen's own record; anyone else (a company, an officer, nobody) is not a person here.
  me: (_parent, _args, { caller, loaders }) => (caller.kind === 'person' ? loaders.person.load(caller.sub) : null),
  person: (_parent, { id }, { loaders }) => loaders.person.load(assertValidResidentId(id)),
  // The claim's own fields decide who reads it (its claimant, a social officer): the number alone reveals nothing.
  claim: (_parent, { number }) => writes.getClaim(assertClaimNumber(number, 'number')),
});
