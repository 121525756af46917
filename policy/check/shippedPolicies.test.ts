import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../../registry/departments.js';
import { departmentSubjects } from '../../scripts/departmentSubjects.js';
import { callerProfiles, explainField } from '../explain/index.js';
import { governedFields } from '../engine/index.js';
import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { loadPolicyTests, runPolicyTests } from '../test/index.js';
import { checkPolicies } from './checkPolicies.js';

// The files privacy officers ship must always pass `npm run policy:check`: a schema change that
// adds a field without a rule fails here, before a subgraph would deny it in production.
const check = checkPolicies({
  departments: await Promise.all(
    SUBGRAPHS.map(async ({ name, schemaFile }) => ({ name, schemaFile, subjects: await departmentSubjects(name) })),
  ),
});

describe('the shipped policy files', () => {
  it('pass the check for every department', () => {
    expect(
      check.files.flatMap((file) =>
        file.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`),
      ),
    ).toEqual([]);
    expect(check.policies.map((entry) => entry.department)).toEqual(SUBGRAPHS.map((entry) => entry.name));
  });

  it('name whose data every type with protected fields is, and fail a type that names no one', async () => {
    expect(check.policies.every((entry) => entry.subjects !== undefined)).toBe(true);
    const tax = SUBGRAPHS.find((entry) => entry.name === 'tax')!;
    const { TaxFiling: _forgotten, ...incomplete } = await departmentSubjects('tax');
    const without = checkPolicies({ departments: [{ name: 'tax', schemaFile: tax.schemaFile, subjects: incomplete }] });
    const problems = without.files.flatMap((file) => file.problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: expect.stringMatching(/privacy\/tax\.yaml$/),
      message: expect.stringMatching(
        /^TaxFiling has protected fields \(.*amount.*\) but its department's subjects\.ts names no subject/,
      ),
    });
    const lines = readFileSync(problems[0]!.file, 'utf8').split('\n');
    expect(lines[problems[0]!.line - 1]).toMatch(/^\s+TaxFiling:/);
  });

  it('declare the four roles', () => {
    expect([...check.registry!.roles.keys()]).toEqual([
      'market-officer',
      'tax-officer',
      'social-officer',
      'privacy-officer',
    ]);
  });

  const policyOf = (department: string) => check.policies.find((entry) => entry.department === department)!.policy;
  const profiles = callerProfiles(check.registry!);
  const effect = (department: string, type: string, field: string, profileId: string) =>
    explainField(
      policyOf(department),
      type,
      field,
      profiles.find((profile) => profile.id === profileId)!,
    ).effect;

  it('meet every expectation in privacy/tests/*.yaml, with a case for every field and every profile of policy:explain', () => {
    // The expected outcomes live in the privacy officers' YAML cases (npm run policy:test); this runs them in the suite.
    const folder = join(CODE_ROOT, 'privacy', 'tests');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => loadPolicyTests(join(folder, name), check.registry!));
    const run = runPolicyTests({ files, registry: check.registry!, policies: check.policies, testsFolder: folder });
    const shown = (problem: { file: string; line: number; message: string }) =>
      `${problem.file}:${problem.line}: ${problem.message}`;
    expect([...run.failures, ...run.gaps].map(shown)).toEqual([]);
    expect(files.map((file) => file.department).sort()).toEqual(SUBGRAPHS.map((entry) => entry.name).sort());
    expect(run.expectations).toBeGreaterThan(1000);
  });

  it('show privacy officers no personal data outside the access log', () => {
    for (const { department, policy, schema } of check.policies) {
      // The access log is the privacy officers' to read: it holds who looked, never values.
      if (department === 'platform') continue;
      for (const { typeName, fieldName } of governedFields(schema)) {
        if (
          policy.isProtected(typeName, fieldName) &&
          effect(department, typeName, fieldName, 'officer:privacy-officer') !== 'deny'
        ) {
          // Only fields any logged-in caller sees are open to them, like everyone else.
          expect(
            policy.decide(typeName, fieldName, {
              caller: { kind: 'person', sub: 'x', roles: [], azp: null, purpose: null },
              subjects: [],
            }).effect,
          ).toBe('allow');
        }
      }
    }
  });
});
