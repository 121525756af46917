import {
  assertIdempotencyKey,
  assertValidUscc,
  badUserInput,
  graphError,
  optionalReason,
  type CertificateIssuer,
} from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type { RegistryWrites } from '../legacy/index.js';
import { toRegistrationRequest } from './registrationInput.js';

/** How long an extract holds: registration facts change, so a recent one is asked for. */
const EXTRACT_VALID_DAYS = 30;

/**
 * The regulator's certificates (its registry's facts as they are today, sealed with its key) and
 * its registration writes. Every argument is checked before the registry is asked (BAD_USER_INPUT);
 * who may apply for what about whom is privacy/market.yaml's, enforced before a resolver runs.
 */
export function createMutation(certificates: CertificateIssuer, writes: RegistryWrites): MutationResolvers {
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
    registerEnterprise: (_parent, args) => {
      const request = toRegistrationRequest(args);
      return writes.register(request, assertIdempotencyKey(args.idempotencyKey));
    },
    withdrawRegistration: (_parent, { uscc, reason, idempotencyKey }) => {
      const code = assertValidUscc(uscc);
      return writes.withdraw(code, optionalReason(reason), assertIdempotencyKey(idempotencyKey));
    },
    decideRegistration: (_parent, { uscc, approve, reason, idempotencyKey }, { caller }) => {
      const code = assertValidUscc(uscc);
      const why = optionalReason(reason);
      if (!approve && why === null) throw badUserInput('reason', 'a refusal needs its reason');
      const key = assertIdempotencyKey(idempotencyKey);
      // The registry records who decided (核准人); the policy lets only a market officer here.
      if (caller.kind !== 'officer') throw graphError('FORBIDDEN', 'Only a market officer decides a registration.');
      return writes.decide(code, { approve, reason: why, officer: caller.sub.slice(0, 64) }, key);
    },
  };
}
