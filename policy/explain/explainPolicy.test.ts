import { afterAll, describe, expect, it } from 'vitest';
import { governedFields, defineSubjects } from '../engine/index.js';
import { loadPolicy } from '../load/index.js';
import { buildTestSchema, TEST_REGISTRY, tempFolder, VALID_POLICY } from '../testing/policyFixtures.js';
import { callerProfiles } from './callerProfiles.js';
import { explainCell, explainField } from './explainField.js';
import { explainPolicy } from './explainPolicy.js';
import { describeCell, renderExplanation } from './renderExplanation.js';

const folder = tempFolder();
afterAll(() => folder.remove());
const schema = buildTestSchema();
const loaded = loadPolicy({
  file: folder.write('tax.yaml', VALID_POLICY),
  department: 'tax',
  schema,
  registry: TEST_REGISTRY,
});
if (!loaded.ok) throw new Error('the test policy must load');
const policy = loaded.policy;
const profiles = callerProfiles(TEST_REGISTRY);
const profile = (id: string) => profiles.find((candidate) => candidate.id === id)!;

describe('callerProfiles', () => {
  it('has the fixed profiles, then each role with and without a purpose', () => {
    expect(profiles.map((candidate) => candidate.id)).toEqual([
      'anonymous',
      'citizen-own',
      'citizen-other',
      'company-own',
      'company-other',
      'officer:tax-officer',
      'officer:tax-officer:no-purpose',
      'officer:social-officer',
      'officer:social-officer:no-purpose',
    ]);
  });
});

describe('explainField', () => {
  it("agrees with the policy's own decide for every field and profile", () => {
    for (const { typeName, fieldName } of governedFields(schema)) {
      for (const candidate of profiles) {
        const cell = explainCell(policy, typeName, fieldName, candidate);
        const purpose = cell.purposes?.[0] ?? null;
        expect(explainField(policy, typeName, fieldName, candidate)).toEqual(
          policy.decide(typeName, fieldName, {
            caller: { ...candidate.caller, purpose },
            subjects: candidate.subjects,
          }),
        );
      }
    }
  });

  it('tells own data from someone else’s', () => {
    expect(explainField(policy, 'Person', 'legacyNote', profile('citizen-own'))).toEqual({ effect: 'allow' });
    expect(explainField(policy, 'Person', 'legacyNote', profile('citizen-other'))).toEqual({ effect: 'deny' });
    expect(explainField(policy, 'Company', 'arrears', profile('company-own'))).toEqual({ effect: 'allow' });
    expect(explainField(policy, 'Company', 'arrears', profile('company-other'))).toEqual({ effect: 'deny' });
  });

  it('names the purpose when the decision depends on it, and only then', () => {
    expect(explainCell(policy, 'Company', 'arrears', profile('officer:tax-officer'))).toEqual({
      decision: { effect: 'allow' },
      purposes: ['tax-audit'],
    });
    expect(explainCell(policy, 'Company', 'arrears', profile('officer:tax-officer:no-purpose'))).toEqual({
      decision: { effect: 'deny' },
      purposes: null,
    });
    expect(explainCell(policy, 'Company', 'profile', profile('officer:tax-officer'))).toEqual({
      decision: { effect: 'allow' },
      purposes: null,
    });
    expect(explainCell(policy, 'Person', 'phone', profile('officer:tax-officer'))).toEqual({
      decision: { effect: 'mask', style: 'phone' },
      purposes: ['tax-audit'],
    });
  });
});

describe('renderExplanation', () => {
  const explanation = explainPolicy({ registry: TEST_REGISTRY, departments: [{ department: 'tax', policy, schema }] });
  const markdown = renderExplanation(explanation);
  const rows = markdown.split('\n').filter((line) => /^\| [A-Z_]\w*\.\w+/.test(line));

  it('has a row per classified field and no key or federation fields', () => {
    expect(rows.map((row) => row.split(' | ')[0]!.replace(/^\| /, '').replace(' *', ''))).toEqual(
      governedFields(schema).map((field) => `${field.typeName}.${field.fieldName}`),
    );
    expect(markdown).not.toContain('| Company.uscc');
    expect(markdown).not.toContain('_entities');
  });

  it('has a column per profile and cells that say what decide says', () => {
    expect(markdown).toContain(`| Field | ${profiles.map((candidate) => candidate.label).join(' | ')} |`);
    const phone = rows.find((row) => row.startsWith('| Person.phone *'))!;
    expect(
      phone
        .split(' | ')
        .slice(1)
        .map((cell) => cell.replace(/ \|$/, '')),
    ).toEqual(profiles.map((candidate) => describeCell(explainCell(policy, 'Person', 'phone', candidate))));
    expect(phone).toContain('| masked (phone) with purpose tax-audit |');
    expect(rows.find((row) => row.startsWith('| Company.name |'))).toBe(
      `| Company.name | ${profiles.map(() => 'allowed').join(' | ')} |`,
    );
  });

  it("says whose data each type is, from the department's subject entries", () => {
    const subjects = defineSubjects<{ Company: { uscc: string } }>({
      Company: { about: 'the company', subjects: (company) => [{ kind: 'company', id: company.uscc }] },
    });
    const withSubjects = renderExplanation(
      explainPolicy({ registry: TEST_REGISTRY, departments: [{ department: 'tax', policy, schema, subjects }] }),
    );
    expect(withSubjects).toContain('Whose data: Company: the company.');
    expect(markdown).not.toContain('Whose data');
  });

  it('marks protected fields and leaves public ones unmarked', () => {
    expect(rows.some((row) => row.startsWith('| Company.arrears * |'))).toBe(true);
    expect(rows.some((row) => row.startsWith('| Query.company |'))).toBe(true);
  });
});
