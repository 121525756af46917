import { assertValidResidentId } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

export const Query: QueryResolvers = {
  // A citizen's own record; anyone else (a company, an officer, nobody) is not a person here.
  me: (_parent, _args, { caller, loaders }) => (caller.kind === 'person' ? loaders.person.load(caller.sub) : null),
  person: (_parent, { id }, { loaders }) => loaders.person.load(assertValidResidentId(id)),
};
