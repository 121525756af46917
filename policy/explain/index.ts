/**
 * Explaining: who may see which field, for privacy officers. Every answer is the compiled
 * policy's own `decide` for a synthetic caller (callerProfiles, syntheticCaller), so an
 * explanation and enforcement cannot disagree: the table of `npm run policy:explain`, the
 * reason for one decision (`policy:can`), and what changes for whom between two versions.
 * Pure functions over compiled policies: this room reads no file.
 */
export {
  explainPolicy,
  type ExplainedField,
  type ExplainPolicyOptions,
  type PolicyExplanation,
} from './explainPolicy.js';
export { explainCell, explainField, type ExplainedCell } from './explainField.js';
export { describeExpression, describeRule, explainDecision, type ExplainedDecision } from './explainDecision.js';
export { describeCell, renderExplanation } from './renderExplanation.js';
export { diffExplanations, renderPolicyDiff, type PolicyChange } from './diffExplanations.js';
export { callerProfiles, PROFILE_IDS, type CallerProfile } from './callerProfiles.js';
export { syntheticCaller, syntheticSubjects, type CallerKindName } from './syntheticCaller.js';
