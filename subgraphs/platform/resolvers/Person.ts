import { pageBoundsOf } from '../../kit/index.js';
import type { PersonResolvers } from '../generated/resolvers-types.js';
import { readLogPage } from '../readLogPage.js';
import { applicationsOfApplicant, prefillFor } from './applications.js';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  dataAccessLog: (person, { first, after }, { loaders }, info) =>
    readLogPage(loaders.store, { kind: 'person', id: person.id }, { first, after }, pageBoundsOf(info)),
  applications: applicationsOfApplicant('resident'),
  prefill: (person, { matter }, context) => prefillFor(person, matter, context),
};
