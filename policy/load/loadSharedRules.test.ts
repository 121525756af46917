import { afterAll, describe, expect, it } from 'vitest';
import { buildTestSchema, callers, TEST_REGISTRY, tempFolder, VALID_POLICY } from '../testing/policyFixtures.js';
import { loadPolicy } from './loadPolicy.js';
import { loadSharedRules } from './loadSharedRules.js';

const schema = buildTestSchema();
const WITHOUT_OWN_RULE = VALID_POLICY.replace('rules:\n  taxOfficer: { role: tax-officer, purpose: tax-audit }\n', '');

describe('shared rules (privacy/rules.yaml)', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it('let a department file use a rule written once beside it, and put the rules in the policy version', () => {
    folder.write('rules.yaml', 'rules:\n  taxOfficer: { role: tax-officer, purpose: tax-audit }\n');
    const file = folder.write('tax.yaml', WITHOUT_OWN_RULE);
    const result = loadPolicy({ file, department: 'tax', schema, registry: TEST_REGISTRY });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const about = [{ kind: 'company' as const, id: 'c1' }];
    expect(
      result.policy.decide('Company', 'arrears', {
        caller: callers.officer(['tax-officer'], 'tax-audit'),
        subjects: about,
      }),
    ).toEqual({ effect: 'allow' });
    expect(
      result.policy.decide('Company', 'arrears', { caller: callers.officer(['tax-officer'], null), subjects: about }),
    ).toEqual({ effect: 'deny' });
    expect(JSON.parse(result.policy.version.document).files).toHaveProperty('rules.yaml');
    expect(result.policy.sources?.rules.get('taxOfficer')).toMatchObject({
      file: folder.path + '/rules.yaml',
      line: 2,
    });
  });

  it('refuse a department rule that takes a shared rule name, naming where the shared one is', () => {
    folder.write('rules.yaml', 'rules:\n  taxOfficer: { role: tax-officer, purpose: tax-audit }\n');
    const file = folder.write('tax.yaml', VALID_POLICY);
    const result = loadPolicy({ file, department: 'tax', schema, registry: TEST_REGISTRY });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message:
          "Rule 'taxOfficer' is already a shared rule (rules.yaml:2): use it as it is, or give this rule another name.",
      }),
    ]);
  });

  it('report an unknown role in the shared file at its line, and anything but `rules:`', () => {
    const file = folder.write('shared.yaml', 'rules:\n  taxOfficer: { role: tax-oficer }\ntypes: {}\n');
    const result = loadSharedRules(file, TEST_REGISTRY);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^2: Unknown role 'tax-oficer' in shared rule 'taxOfficer'\. Did you mean 'tax-officer'\?/),
      expect.stringMatching(/^3: Unknown top-level key 'types'\. The shared rules file has only `rules:`/),
    ]);
  });

  it('are none when the file does not exist', () => {
    const result = loadSharedRules(`${folder.path}/missing.yaml`, TEST_REGISTRY);
    expect(result).toMatchObject({ ok: true, shared: { text: null } });
  });
});
