import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../../registry/departments.js';
import { checkPolicies, readCommittedPolicy } from '../check/index.js';
import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { tempFolder } from '../testing/policyFixtures.js';
import { diffExplanations, renderPolicyDiff } from './diffExplanations.js';
import { explainPolicy } from './explainPolicy.js';

const departments = SUBGRAPHS.map(({ name, schemaFile }) => ({ name, schemaFile }));
const explain = (policyFolder?: string) => {
  const check = checkPolicies({ departments, ...(policyFolder ? { policyFolder } : {}) });
  if (!check.ok) throw new Error('the policy fails the check');
  return explainPolicy({ registry: check.registry!, departments: check.policies });
};

describe('diffExplanations', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it('says for whom a rule change changes what, field by field', () => {
    cpSync(join(CODE_ROOT, 'privacy'), folder.path, { recursive: true });
    const tax = join(folder.path, 'tax.yaml');
    writeFileSync(tax, readFileSync(tax, 'utf8').replace('arrears: companyOrTaxOfficer', 'arrears: taxOfficer'));
    const changes = diffExplanations(explain(), explain(folder.path));
    expect(changes).toEqual([
      {
        department: 'tax',
        field: 'TaxProfile.arrears',
        profileId: 'company-own',
        profileLabel: 'company — own data',
        before: 'allowed',
        after: 'denied',
      },
    ]);
    expect(renderPolicyDiff(changes, 'main', 'the files here')).toBe(
      '# What changes from main to the files here\n\n## tax\n\n- TaxProfile.arrears\n  - company — own data: allowed → denied\n',
    );
    expect(diffExplanations(explain(), explain())).toEqual([]);
  });
});

describe('readCommittedPolicy', () => {
  it('reads and checks the policy committed at a ref', () => {
    const result = readCommittedPolicy('HEAD', { departments: SUBGRAPHS });
    expect(result).toMatchObject({ ok: true, sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(result.ok && result.check.ok).toBe(true);
  });

  it('refuses anything but a plain ref before git sees it, and names an unknown one', () => {
    for (const ref of ['--output=/tmp/x', 'HEAD..main', 'HEAD:privacy/tax.yaml', 'main@{1}', 'a b', '$(id)', ''])
      expect(readCommittedPolicy(ref, { departments: SUBGRAPHS }), ref).toMatchObject({ ok: false, code: 'BAD_REF' });
    expect(readCommittedPolicy('no-such-branch-here', { departments: SUBGRAPHS })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_REF',
      message: "no commit is called 'no-such-branch-here' in this repository",
    });
  });
});
