import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../registry/departments.js';
import { checkPolicies } from '../policy/index.js';

const run = promisify(execFile);
const can = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/policyCan.ts', ...args]).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
const check = checkPolicies({ departments: SUBGRAPHS.map(({ name, schemaFile }) => ({ name, schemaFile })) });
const policyOf = (department: string) => check.policies.find((entry) => entry.department === department)!.policy;

describe('npm run policy:can', () => {
  it('answers as the engine decides, with the rule that made it', async () => {
    const { stdout } = await can(
      '--kind',
      'officer',
      '--roles',
      'tax-officer',
      '--purpose',
      'tax-audit',
      '--field',
      'Person.incomeTax',
    );
    const engine = policyOf('tax').decide('Person', 'incomeTax', {
      caller: { kind: 'officer', sub: 'x', roles: ['tax-officer'], azp: null, purpose: 'tax-audit' },
      subjects: [{ kind: 'person', id: 'someone' }],
    });
    expect(engine.effect).toBe('allow');
    expect(stdout).toMatch(/^allow: Person\.incomeTax \(tax\) for an officer with role tax-officer, purpose tax-audit/);
    expect(stdout).toMatch(/taxOfficer \(rules\.yaml:\d+\)/);

    const masked = await can(
      '--kind',
      'officer',
      '--roles',
      'social-officer',
      '--purpose',
      'benefit-claim',
      '--field',
      'Person.phone',
    );
    expect(masked.stdout).toMatch(/^mask phone: Person\.phone \(social\)/);
    const own = await can('--kind', 'person', '--self', '--field', 'Person.phone');
    expect(own.stdout).toMatch(/^allow: Person\.phone \(social\) for a person, no purpose, their own data/);
  });

  it('refuses a bad question with a stable code and exit code 2', async () => {
    expect(await can('--kind', 'officer', '--roles', 'tax-oficer', '--field', 'Person.incomeTax')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^policy:can: UNKNOWN_ROLE: 'tax-oficer' .* Did you mean 'tax-officer'\?/),
    });
    expect(await can('--kind', 'officer', '--field', 'Person.incomeTx')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^policy:can: UNKNOWN_FIELD: .*Did you mean 'Person\.incomeTax'\?/),
    });
    expect(await can('--kind', 'officer', '--self', '--field', 'Person.incomeTax')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^policy:can: SELF_NOT_SUBJECT:/),
    });
  });
});
