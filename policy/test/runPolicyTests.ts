import { basename, join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { callerProfiles, explainField, explainDecision, type CallerProfile } from '../explain/index.js';
import { didYouMean } from '../load/index.js';
import {
  governedFields,
  keyFieldsOf,
  type CompiledPolicy,
  type Decision,
  type PolicyProblem,
  type PolicyRegistry,
} from '../engine/index.js';
import type { PolicyTestFile } from './loadPolicyTests.js';

export interface PolicyTestRun {
  /** Every expectation that the policy does not meet, and every problem in the test files, at its line. */
  failures: PolicyProblem[];
  /** Profiles of policy:explain with fields no case covers, one per department and profile. */
  gaps: PolicyProblem[];
  cases: number;
  expectations: number;
  passed: number;
}

export interface RunPolicyTestsOptions {
  files: readonly PolicyTestFile[];
  registry: PolicyRegistry;
  policies: ReadonlyArray<{ department: string; policy: CompiledPolicy; schema: GraphQLSchema }>;
  /** Where missing coverage is reported when a department has no test file: <folder>/<department>.yaml. */
  testsFolder: string;
}

/**
 * Runs the privacy officers' policy tests: each expectation is decided by the department's
 * compiled policy (`decide`, what the subgraphs enforce with), and a mismatch is reported at the
 * expectation's line with the rule that decided. It also requires that, for every department,
 * every field has an expectation for every caller profile `policy:explain` shows.
 */
export function runPolicyTests({ files, registry, policies, testsFolder }: RunPolicyTestsOptions): PolicyTestRun {
  const failures: PolicyProblem[] = files.flatMap((file) => file.problems);
  const covered = new Set<string>();
  let cases = 0;
  let expectations = 0;
  let passed = 0;
  for (const file of files) {
    const entry = policies.find((candidate) => candidate.department === file.department);
    if (file.department !== null && !entry) {
      failures.push({
        file: file.file,
        line: 1,
        column: 1,
        message: `Unknown department '${file.department}'.${didYouMean(
          file.department,
          policies.map((candidate) => candidate.department),
        )} Departments: ${policies.map((candidate) => candidate.department).join(', ')}.`,
      });
      continue;
    }
    if (!entry) continue;
    const fields = governedFields(entry.schema);
    const keys = keyFieldsOf(entry.schema);
    for (const testCase of file.cases) {
      cases++;
      for (const expectation of testCase.expectations) {
        const { typeName, fieldName } = expectation;
        const coordinate = `${typeName}.${fieldName}`;
        const at = { file: file.file, line: expectation.line, column: expectation.column };
        const known =
          fields.some((field) => field.typeName === typeName && field.fieldName === fieldName) ||
          keys.get(typeName)?.has(fieldName) === true;
        if (!known) {
          const candidates = fields.map((field) => `${field.typeName}.${field.fieldName}`);
          failures.push({
            ...at,
            message: `${coordinate} is not a field of the ${entry.department} department's schema.${didYouMean(coordinate, candidates)}`,
          });
          continue;
        }
        expectations++;
        if (testCase.profileId) covered.add(`${testCase.profileId}\u0000${coordinate}`);
        const input = { caller: testCase.caller, subjects: testCase.subjects };
        const explained = explainDecision(entry.policy, typeName, fieldName, input);
        if (sameDecision(explained.decision, expectation.expected)) {
          passed++;
          continue;
        }
        const rule = explained.at ? ` (${basename(explained.at.file)}:${explained.at.line})` : '';
        failures.push({
          ...at,
          message: `${testCase.label}: ${coordinate} expected ${describeDecision(expectation.expected)}, the policy decides ${describeDecision(explained.decision)}${rule}.\n${explained.reason.map((line) => `    ${line}`).join('\n')}`,
        });
      }
    }
  }

  const gaps: PolicyProblem[] = [];
  const profiles = callerProfiles(registry);
  for (const { department, schema, policy } of policies) {
    const testFile =
      files.find((file) => file.department === department)?.file ?? join(testsFolder, `${department}.yaml`);
    const governed = governedFields(schema);
    const missingOf = (profile: CallerProfile) =>
      governed
        .map((field) => `${field.typeName}.${field.fieldName}`)
        .filter((coordinate) => !covered.has(`${profile.id}\u0000${coordinate}`));
    // Every field's decision for a profile, as policy:explain shows it: the same code the subgraphs enforce with.
    const columnOf = (profile: CallerProfile) =>
      governed
        .map((field) => describeDecision(explainField(policy, field.typeName, field.fieldName, profile)))
        .join('\u0000');
    const fullyStated = profiles.filter((profile) => profile.role && missingOf(profile).length === 0);
    for (const profile of profiles) {
      const missing = missingOf(profile);
      if (missing.length === 0) continue;
      // An officer whose role this department's policy treats exactly as another officer's, stated in full
      // (a department added later: its officers are strangers to the others' rules), is covered by that case.
      // Once a rule treats the role differently, the columns differ and its own case is required.
      if (
        profile.role &&
        fullyStated.some((other) => other.role !== profile.role && columnOf(other) === columnOf(profile))
      )
        continue;
      gaps.push({
        file: testFile,
        line: 1,
        column: 1,
        message: `No case says what "${profile.label}" gets in ${department} for ${missing.length === governedFields(schema).length ? 'any field' : missing.join(', ')}: add a case (caller ${describeProfileCaller(profile.id)}) with these fields under \`expect:\`.`,
      });
    }
  }
  return { failures, gaps, cases, expectations, passed };
}

function sameDecision(a: Decision, b: Decision): boolean {
  return a.effect === b.effect && (a.effect !== 'mask' || b.effect !== 'mask' || a.style === b.style);
}

/** `allow`, `deny`, `mask phone`: as the test files write it. */
export function describeDecision(decision: Decision): string {
  return decision.effect === 'mask' ? `mask ${decision.style}` : decision.effect;
}

function describeProfileCaller(profileId: string): string {
  if (profileId === 'anonymous') return '{ kind: anonymous }, subject: other';
  const [who, whose] = profileId.split('-');
  if (who === 'citizen') return `{ kind: person }, subject: ${whose}`;
  if (who === 'company') return `{ kind: company }, subject: ${whose}`;
  const [, role, noPurpose] = profileId.split(':');
  return `{ kind: officer, roles: [${role}]${noPurpose ? '' : ', purpose: <one of its purposes>'} }, subject: other`;
}
