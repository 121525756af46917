import { assertValidUscc, graphError, type CertificateIssuer } from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

/** How long an extract holds: registration facts change, so a recent one is asked for. */
const EXTRACT_VALID_DAYS = 30;

/** The regulator's certificates: its registry's facts as they are today, sealed with its key. */
export function createMutation(certificates: CertificateIssuer): MutationResolvers {
  return {
    issueBusinessLicenceExtract: async (_parent, { uscc, renew }, { loaders }) => {
      const company = await loaders.company.load(assertValidUscc(uscc));
      if (!company) throw graphError('CERTIFICATE_REFUSED', 'The enterprise registry does not know this company.');
      return certificates.issue(
        {
          type: 'business-licence-extract',
          title: 'Extract of the business licence',
          subject: { kind: 'COMPANY', id: company.uscc },
          facts: {
            name: company.name,
            legalForm: company.legalForm,
            status: company.status,
            establishedOn: company.establishedOn,
            registeredCapital: company.registeredCapital,
            address: company.address,
            businessScope: company.businessScope,
            legalRepresentativeName: company.legalRepresentativeName,
          },
          validForDays: EXTRACT_VALID_DAYS,
        },
        // Asked again, the company's current extract of the same facts is answered (kit's issuer), unless renewed.
        { renew: renew ?? false },
      );
    },
  };
}
