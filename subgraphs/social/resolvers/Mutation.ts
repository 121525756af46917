import {
  assertValidResidentId,
  badUserInput,
  FIRST_PERIOD_YEAR,
  graphError,
  LAST_PERIOD_YEAR,
  type CertificateIssuer,
} from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** How long a contribution certificate holds: benefit and residence applications ask for one under three months old. */
const CERTIFICATE_VALID_DAYS = 90;

/** The bureau's certificates: what its own records say was paid, sealed with its key. */
export function createMutation(certificates: CertificateIssuer): MutationResolvers {
  return {
    issueContributionCertificate: async (_parent, { id, year, renew }, { loaders }) => {
      const personId = assertValidResidentId(id);
      // A year whose months are periods (core/period.ts): the bureau keeps no other.
      if (!Number.isInteger(year) || year < FIRST_PERIOD_YEAR || year > LAST_PERIOD_YEAR)
        throw badUserInput('year', `a year from ${FIRST_PERIOD_YEAR} to ${LAST_PERIOD_YEAR}`);
      const person = await loaders.person.load(personId);
      if (!person) throw graphError('CERTIFICATE_REFUSED', 'The social security bureau does not know this person.');
      const months = await loaders.contributions.load({ personId, from: `${year}-01`, to: `${year}-12` });
      const total = (pick: (month: (typeof months)[number]) => string) =>
        (months.reduce((sum, month) => sum + Math.round(Number(pick(month)) * 100), 0) / 100).toFixed(2);
      return certificates.issue(
        {
          type: 'contribution-certificate',
          title: 'Social insurance contribution certificate',
          subject: { kind: 'PERSON', id: personId },
          facts: {
            name: person.name,
            year,
            monthsPaid: months.map((month) => month.period),
            monthCount: months.length,
            personalTotal: total((month) => month.personalAmount),
            employerTotal: total((month) => month.employerAmount),
          },
          validForDays: CERTIFICATE_VALID_DAYS,
        },
        // Asked again, the person's current certificate of the same year and facts is answered (kit's issuer), unless renewed.
        { renew: renew ?? false },
      );
    },
  };
}
