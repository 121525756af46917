import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../../registry/departments.js';
import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { tempFolder } from '../testing/policyFixtures.js';
import { checkPolicies } from './checkPolicies.js';
import { findUnreachableGrants } from './findUnreachableGrants.js';

const departments = SUBGRAPHS.map(({ name, schemaFile }) => ({ name, schemaFile }));

function warningsOf(policyFolder?: string) {
  const check = checkPolicies({ departments, ...(policyFolder ? { policyFolder } : {}) });
  if (!check.ok) throw new Error(JSON.stringify(check.files.flatMap((file) => file.problems)));
  return findUnreachableGrants({
    registry: check.registry!,
    departments: check.policies,
  });
}

describe('findUnreachableGrants', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it('finds nothing in the shipped policy', () => {
    expect(warningsOf().map((warning) => warning.message)).toEqual([]);
  });

  it("reports the tax officer's Person.incomeTax grant when Query.person is closed to them, naming each path and why it is closed", () => {
    cpSync(join(CODE_ROOT, 'privacy'), folder.path, { recursive: true });
    const social = join(folder.path, 'social.yaml');
    const text = readFileSync(social, 'utf8');
    const closed = text.replace(
      'person: { anyOf: [self, socialOfficer, taxOfficer] }',
      'person: { anyOf: [self, socialOfficer] }',
    );
    expect(closed).not.toBe(text);
    writeFileSync(social, closed);
    const warnings = warningsOf(folder.path);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({ file: join(folder.path, 'tax.yaml') });
    expect(readFileSync(warning!.file, 'utf8').split('\n')[warning!.line - 1]).toMatch(/^\s+incomeTax:/);
    expect(warning!.message).toMatch(
      /^Person\.incomeTax is granted to "tax-officer with purpose tax-audit or taxpayer-service", but no query path lets that caller reach a Person: /,
    );
    expect(warning!.message).toMatch(/Query\.person \(social\.yaml:\d+\): denied to them/);
    expect(warning!.message).toMatch(/Query\.me \(social\.yaml:\d+\): it answers only a person's own record/);
    expect(warning!.message).toMatch(/Company\.legalRepresentative \(market\.yaml:\d+\): denied to them/);
  });
});
