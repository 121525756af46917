/**
 * The privacy policy engine (DESIGN.md, "Privacy policy"): load and check a department's
 * policy file, apply it with graphql-shield, reload it when it changes, explain it.
 * Privacy officers' guide: privacy/README.md.
 */
export type {
  CompiledPolicy,
  Decision,
  DecisionEvent,
  DecisionInput,
  MaskStyle,
  PolicyLoadResult,
  PolicyProblem,
  PolicyRegistry,
  PolicySources,
  PolicyVersion,
  RegistryLoadResult,
  Subject,
  SubjectEntry,
  SubjectResolvers,
  TypedSubjects,
} from './types.js';
export { loadPolicy, type LoadPolicyOptions } from './loadPolicy.js';
export { loadRegistry } from './loadRegistry.js';
export { loadDepartmentSchema, REPOSITORY_ROOT } from './loadDepartmentSchema.js';
export { checkPolicies, type CheckedFile, type CheckPoliciesOptions, type PolicyCheck } from './checkPolicies.js';
export {
  createFieldDecider,
  type FieldDecider,
  type FieldDeciderOptions,
  type FieldQuestion,
} from './createFieldDecider.js';
export { createPolicyMiddleware, type PolicyMiddlewareOptions } from './createPolicyMiddleware.js';
export { defineSubjects } from './defineSubjects.js';
export { policyVersionOf } from './policyVersionOf.js';
export { skipDeniedEntityLoads } from './skipDeniedEntityLoads.js';
export { watchPolicy, POLICY_RELOAD_DEBOUNCE_MS, type WatchPolicyOptions } from './watchPolicy.js';
export { applyMask, MASK_STYLES, MASKS } from './masks/applyMask.js';
export { builtInPredicates } from './predicates/builtInPredicates.js';
export type { BuiltInPredicate } from './predicates/BuiltInPredicate.js';
export { callerProfiles, PROFILE_IDS, type CallerProfile } from './callerProfiles.js';
export { explainCell, explainField, type ExplainedCell } from './explainField.js';
export {
  explainPolicy,
  type ExplainedField,
  type ExplainPolicyOptions,
  type PolicyExplanation,
} from './explainPolicy.js';
export { describeCell, renderExplanation } from './renderExplanation.js';
export { governedFields, type GovernedField } from './governedFields.js';
export { keyFieldsOf } from './keyFieldsOf.js';
export { didYouMean } from './didYouMean.js';
export { FEDERATION_FIELDS, isFederationField } from './federationFields.js';
export { loadSharedRules, SHARED_RULES_FILE, type SharedRules } from './loadSharedRules.js';
export {
  loadPolicyTests,
  type PolicyExpectation,
  type PolicyTestCase,
  type PolicyTestFile,
} from './loadPolicyTests.js';
export { runPolicyTests, type PolicyTestRun } from './runPolicyTests.js';
export { describeExpression, describeRule, explainDecision, type ExplainedDecision } from './explainDecision.js';
export { diffExplanations, renderPolicyDiff, type PolicyChange } from './diffExplanations.js';
export { isPlainRef, readCommittedPolicy, type CommittedPolicyResult } from './readCommittedPolicy.js';
export { CALLER_BOUND_FIELDS, findUnreachableGrants } from './findUnreachableGrants.js';
