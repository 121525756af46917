/**
 * Everything the workbench takes from the privacy policy engine, in one place: the workbench shows
 * the policy with the engine the subgraphs enforce with, never a copy of its rules. When the
 * engine moves, only the import lines below change.
 */
export {
  checkPolicies,
  describeCell,
  describeRule,
  diffExplanations,
  explainPolicy,
  findUnreachableGrants,
  isPlainRef,
  readCommittedPolicy,
  type PolicyChange,
  type PolicyCheck,
} from '../policy/index.js';
