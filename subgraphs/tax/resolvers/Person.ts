import { badUserInput } from '../../kit/index.js';
import type { PersonResolvers } from '../generated/resolvers-types.js';
import { LAST_TAX_YEAR } from '../legacy/index.js';

/** Annual reconciliation exists since the 2019 individual income tax reform. */
const FIRST_RECONCILIATION_YEAR = 2019;

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  incomeTax: (person, { year }, { loaders }) => {
    // The last year is the last the bureau keeps (legacy/taxYears.ts).
    if (year < FIRST_RECONCILIATION_YEAR || year > LAST_TAX_YEAR) {
      throw badUserInput('year', `annual reconciliations exist from ${FIRST_RECONCILIATION_YEAR} to ${LAST_TAX_YEAR}`);
    }
    return loaders.incomeTax.load({ personId: person.id, year });
  },
};
