/**
 * Checking a policy folder as `npm run policy:check` does: every file loaded against every
 * department's schema, files nothing reads, protected types with no subject, grants no query
 * can reach; and the same check of the folder as committed at a git ref (readCommittedPolicy),
 * which `policy:explain --diff` and the workbench compare with the files in force.
 */
export { checkPolicies, type CheckPoliciesOptions, type PolicyCheck } from './checkPolicies.js';
export {
  CALLER_BOUND_FIELDS,
  findUnreachableGrants,
  type FindUnreachableGrantsOptions,
} from './findUnreachableGrants.js';
export {
  isPlainRef,
  readCommittedPolicy,
  type CommittedPolicyResult,
  type ReadCommittedPolicyOptions,
} from './readCommittedPolicy.js';
