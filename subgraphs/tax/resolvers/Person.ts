import { badUserInput } from '../../kit/index.js';
import type { PersonResolvers } from '../generated/resolvers-types.js';

/** Annual reconciliation exists since the 2019 individual income tax reform. */
const FIRST_RECONCILIATION_YEAR = 2019;
const LAST_RECONCILIATION_YEAR = 2100;

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  incomeTax: (person, { year }, { loaders }) => {
    if (year < FIRST_RECONCILIATION_YEAR || year > LAST_RECONCILIATION_YEAR) {
      throw badUserInput('year', `annual reconciliations exist from ${FIRST_RECONCILIATION_YEAR} on`);
    }
    return loaders.incomeTax.load({ personId: person.id, year });
  },
};
