/**
 * Policy tests (privacy/tests/*.yaml, `npm run policy:test`): cases a privacy officer writes
 * (a caller, whose data, and what each field must give them), read with their lines and run
 * against the compiled policies, with the reason for every failure and the profiles of
 * policy:explain no case covers.
 */
export {
  loadPolicyTests,
  type PolicyExpectation,
  type PolicyTestCase,
  type PolicyTestFile,
} from './loadPolicyTests.js';
export { describeDecision, runPolicyTests, type PolicyTestRun, type RunPolicyTestsOptions } from './runPolicyTests.js';
