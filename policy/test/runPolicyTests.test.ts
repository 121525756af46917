import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../load/index.js';
import { buildTestSchema, TEST_REGISTRY, tempFolder, VALID_POLICY } from '../testing/policyFixtures.js';
import { loadPolicyTests } from './loadPolicyTests.js';
import { runPolicyTests } from './runPolicyTests.js';

const schema = buildTestSchema();
const folder = tempFolder();
afterAll(() => folder.remove());

const CASES = `department: tax
cases:
  - caller: { kind: officer, roles: [tax-officer], purpose: tax-audit }
    subject: other
    expect:
      Company.arrears: allow
      Person.phone: mask phone
  - caller: { kind: person }
    subject: own
    expect:
      Person.legacyNote: allow
      Company.arrears: deny
`;

function run(policyText: string, casesText: string) {
  const policyFile = folder.write('tax.yaml', policyText);
  const loaded = loadPolicy({ file: policyFile, department: 'tax', schema, registry: TEST_REGISTRY });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const file = loadPolicyTests(folder.write('cases.yaml', casesText), TEST_REGISTRY);
  return runPolicyTests({
    files: [file],
    registry: TEST_REGISTRY,
    policies: [{ department: 'tax', policy: loaded.policy, schema }],
    testsFolder: folder.path,
  });
}

describe('runPolicyTests', () => {
  it('passes cases the policy meets', () => {
    const result = run(VALID_POLICY, CASES);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ cases: 2, expectations: 4, passed: 4 });
  });

  it("fails an expectation a rule change breaks, at the case's file and line, with the rule that decided", () => {
    const result = run(
      VALID_POLICY.replace('arrears: { anyOf: [companySelf, taxOfficer] }', 'arrears: companySelf'),
      CASES,
    );
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ file: `${folder.path}/cases.yaml`, line: 6, column: 7 });
    expect(result.failures[0]!.message).toMatch(
      /^tax-officer with purpose tax-audit, someone else's data: Company\.arrears expected allow, the policy decides deny \(tax\.yaml:\d+\)\./,
    );
    expect(result.failures[0]!.message).toContain('companySelf: does not hold');
  });

  it('reports an unknown field, role, purpose or outcome at its line, with a suggestion', () => {
    const result = run(
      VALID_POLICY,
      `department: tax
cases:
  - caller: { kind: officer, roles: [tax-oficer], purpose: tax-audti }
    subject: other
    expect:
      Company.arears: allow
  - caller: { kind: person }
    expect:
      Company.arears: allow
  - caller: { kind: person }
    expect:
      Company.name: allowed
`,
    );
    expect(result.failures.map((problem) => `${problem.line}: ${problem.message.split('.')[0]}`)).toEqual([
      "3: Unknown role 'tax-oficer'",
      "3: Unknown purpose 'tax-audti'",
      "12: Unknown outcome 'allowed' for Company",
      '9: Company',
    ]);
    expect(result.failures[3]!.message).toContain("Did you mean 'Company.arrears'?");
  });

  it('names each caller profile whose fields no case covers', () => {
    const result = run(VALID_POLICY, CASES);
    expect(result.gaps.map((gap) => gap.message.slice(0, 40))).toContain('No case says what "anonymous" gets in ta');
    expect(result.gaps.find((gap) => gap.message.includes('citizen — own data'))!.message).toContain(
      'Query.company, Query.person',
    );
  });
});
