import {
  assertIdempotencyKey,
  assertValidResidentId,
  assertValidUscc,
  badUserInput,
  graphError,
  optionalReason,
} from '../../kit/index.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type { SocialWrites } from '../legacy/index.js';
import { assertClaimNumber, checkPrefilledFigures, toBankAccount } from './writeInput.js';

/** The most of an officer's staff id the bureau keeps as 审批人. */
const MAX_OFFICER = 64;

/**
 * The bureau's writes: an employer's account, a resident's benefit claim and an officer's decision
 * on it. Every argument is checked before the bureau is asked (BAD_USER_INPUT); who may ask for
 * what about whom is privacy/social.yaml's, enforced before a resolver runs.
 */
export function createWriteMutations(writes: SocialWrites): MutationResolvers {
  return {
    openEmployerAccount: (_parent, { uscc, firstContributionMonth, idempotencyKey }) => {
      const employer = assertValidUscc(uscc);
      return writes.openEmployerAccount(employer, firstContributionMonth, assertIdempotencyKey(idempotencyKey));
    },
    submitBenefitClaim: (_parent, args) => {
      const residentId = assertValidResidentId(args.residentId, 'residentId');
      const bankAccount = toBankAccount(args.bankAccount);
      checkPrefilledFigures(args);
      const key = assertIdempotencyKey(args.idempotencyKey);
      return writes.submitBenefitClaim({ residentId, kind: args.kind, bankAccount }, key);
    },
    decideBenefitClaim: (_parent, { claimNumber, approve, reason, idempotencyKey }, { caller }) => {
      const number = assertClaimNumber(claimNumber, 'claimNumber');
      const why = optionalReason(reason);
      if (!approve && why === null) throw badUserInput('reason', 'a refusal needs its reason');
      const key = assertIdempotencyKey(idempotencyKey);
      // The bureau records who decided (审批人); the policy lets only a social officer here.
      if (caller.kind !== 'officer') throw graphError('FORBIDDEN', 'Only a social officer decides a benefit claim.');
      return writes.decideBenefitClaim(
        number,
        { approve, reason: why, officer: caller.sub.slice(0, MAX_OFFICER) },
        key,
      );
    },
  };
}
