import { assertIdempotencyKey, assertValidUscc, graphError, type CertificateIssuer } from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type { TaxClient } from '../legacy/index.js';

/** How long a tax clearance holds: a month, as tenders and licence applications ask for a recent one. */
const CLEARANCE_VALID_DAYS = 30;

/**
 * The bureau's certificates (issued only when its own records support them, sealed with its key)
 * and its taxpayer registration writes, every argument checked before the bureau is asked.
 */
export function createMutation(certificates: CertificateIssuer, client: TaxClient): MutationResolvers {
  return {
    registerTaxpayer: (_parent, { uscc, taxpayerType, idempotencyKey }) => {
      const company = assertValidUscc(uscc);
      return client.registerTaxpayer(company, taxpayerType, assertIdempotencyKey(idempotencyKey));
    },
    cancelTaxpayerRegistration: (_parent, { uscc, idempotencyKey }) => {
      const company = assertValidUscc(uscc);
      return client.cancelTaxpayerRegistration(company, assertIdempotencyKey(idempotencyKey));
    },
    issueTaxClearance: async (_parent, { uscc, renew }, { loaders }) => {
      const company = assertValidUscc(uscc);
      const profile = await loaders.taxProfile.load(company);
      if (!profile) throw graphError('CERTIFICATE_REFUSED', 'The tax bureau does not know this company as a taxpayer.');
      if (Number(profile.arrears) !== 0) {
        throw graphError(
          'CERTIFICATE_REFUSED',
          'The company has overdue tax: no clearance can be issued until it is paid.',
        );
      }
      return certificates.issue(
        {
          type: 'tax-clearance',
          title: 'Tax clearance certificate',
          subject: { kind: 'COMPANY', id: company },
          // As of the day it is issued: a clearance asked for again is recognised by its own day (kit's issuer).
          facts: (asOf) => ({
            statement: `As of ${asOf} the taxpayer owes no overdue tax to the tax bureau.`,
            asOf,
            arrears: profile.arrears,
            taxpayerType: profile.taxpayerType,
          }),
          validForDays: CLEARANCE_VALID_DAYS,
        },
        { renew: renew ?? false },
      );
    },
  };
}
