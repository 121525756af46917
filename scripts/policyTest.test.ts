import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'policy-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
cpSync('privacy', folder, { recursive: true });
const script = (name: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`], {
    env: { ...process.env, PRIVACY_DIR: folder },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run policy:test and policy:check on a changed policy folder', () => {
  it("fails a rule change that breaks a case, at the case's file and line, and passes the shipped policy", async () => {
    expect(await script('policyTest')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/of \d+ expectations hold/),
    });
    const tax = join(folder, 'tax.yaml');
    writeFileSync(tax, readFileSync(tax, 'utf8').replace('    incomeTax: personOrTaxOfficer', '    incomeTax: self'));
    const broken = await script('policyTest');
    expect(broken.code).toBe(1);
    const failures = broken.stdout.split('\n').filter((line) => /^\S+:\d+:\d+: /.test(line));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      const [, file, line] = /^(\S+):(\d+):\d+: /.exec(failure)!;
      expect(file).toMatch(/tests\/tax\.yaml$/);
      expect(readFileSync(file!, 'utf8').split('\n')[Number(line) - 1]).toMatch(/^\s+Person\.incomeTax: allow$/);
      expect(failure).toMatch(/Person\.incomeTax expected allow, the policy decides deny \(tax\.yaml:\d+\)\.$/);
    }
  });

  it('refuses a stray file in the policy folder', async () => {
    writeFileSync(join(folder, 'health.yaml'), 'types: {}\n');
    const result = await script('policyCheck');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/health\.yaml:1:1: Unknown file 'health\.yaml': nothing reads it/);
  });
});
