import { assertValidResidentId, badUserInput, graphError, type CertificateIssuer } from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** How long a contribution certificate holds: benefit and residence applications ask for one under three months old. */
const CERTIFICATE_VALID_DAYS = 90;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/** The bureau's certificates: what its own records say was paid, sealed with its key. */
export function createMutation(certificates: CertificateIssuer): MutationResolvers {
  return {
    issueContributionCertificate: async (_parent, { id, year, renew }, { loaders }) => {
      const personId = assertValidResidentId(id);
      if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
        throw badUserInput('year', `a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
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
