import type { RefusalReasons } from '../../kit/index.js';

/**
 * The bureau's faults on its writes that are a decision about the request rather than a failure
 * (legacy-mocks/social/README.md, "Faults"), each in words an applicant can act on. The resolvers
 * check the form of every field first, so the bureau's form checks (E3001-E3010, E2003) stay
 * failures of ours: DEPARTMENT_UNAVAILABLE, reason 'rejected' (toSocialFaultReason.ts).
 */
export const socialRefusals: RefusalReasons = {
  E2004: 'this idempotency key was already used for a different request.',
  E4001: 'the social security bureau does not know this resident.',
  E4002: 'the social security bureau has no such claim.',
  E5001: 'the company already has an employer account.',
  E5002: 'the first contribution month must be within 12 months of this month.',
  E5003: 'the person has no social insurance account, so there is nothing to claim from.',
  E5004: 'the bureau is not accepting this request now; please try again later or ask at a service counter.',
  E5005: 'the claim has been decided already.',
  E5006: 'a claim of the same kind is still waiting for a decision for this person.',
};
