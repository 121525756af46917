import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { startStack, type Stack } from './harness.js';

/** A privacy officer's working copy of the policy files, edited the way an editor saves (write aside, rename over). */
const folder = mkdtempSync(join(tmpdir(), 'privacy-'));
cpSync(join(CODE_ROOT, 'privacy'), folder, { recursive: true });
const save = (file: string, text: string) => {
  writeFileSync(`${file}.swp`, text);
  renameSync(`${file}.swp`, file);
};
const taxFile = join(folder, 'tax.yaml');
const shipped = readFileSync(taxFile, 'utf8');

let stack: Stack;
/** The services' log lines, as operators would read them. */
const logLines: string[] = [];
const logs = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  stack = await startStack({ policyFolder: folder, logs });
});
afterAll(async () => {
  await stack?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Polls until the condition holds: a reload is asynchronous (file watch + debounce), no fixed sleep. */
async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a changed policy file', () => {
  const creditRating = async () => {
    const response = await stack.query(
      `{ company(uscc: "${stack.dataSet.fixtures.companyInArrears}") { tax { creditRating } } }`,
    );
    return (response.data as { company: { tax: { creditRating: string } | null } }).company.tax;
  };

  it('takes effect in the running subgraph without a restart', async () => {
    expect(await creditRating()).toBeNull();
    save(
      taxFile,
      shipped
        .replace(/^ {4}tax: authenticated$/m, '    tax: public')
        .replace(/^ {4}creditRating: authenticated$/m, '    creditRating: public'),
    );
    const tax = await eventually(creditRating, (value) => value !== null);
    expect(tax).toEqual({
      creditRating: stack.dataSet.companyByUscc.get(stack.dataSet.fixtures.companyInArrears)!.tax.creditRating,
    });
  });

  it('is refused when it fails the check, and the last good policy stays in force', async () => {
    logLines.length = 0;
    save(taxFile, shipped.replace(/^ {4}creditRating: authenticated$/m, '    creditRating: taxOficer'));
    const refusal = await eventually(
      async () => logLines.find((line) => line.includes('privacy policy change refused')),
      (line) => line !== undefined,
    );
    expect(refusal).toContain('tax.yaml');
    expect(refusal).toContain('taxOfficer');
    expect(await creditRating()).not.toBeNull();
  });
});

describe('npm run policy:check', () => {
  it('names the file, line and column of each problem and exits 1', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'privacy-broken-'));
    cpSync(join(CODE_ROOT, 'privacy'), broken, { recursive: true });
    const text = readFileSync(join(broken, 'social.yaml'), 'utf8').replace(
      /^ {4}birthDate: .*$/m,
      '    birthDay: public',
    );
    writeFileSync(join(broken, 'social.yaml'), text);
    const line = text.split('\n').findIndex((row) => row.includes('birthDay')) + 1;
    const failure = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/policyCheck.ts'], {
      env: { ...process.env, PRIVACY_DIR: broken },
    }).catch((error: { code: number; stdout: string }) => error);
    rmSync(broken, { recursive: true, force: true });
    expect(failure).toMatchObject({ code: 1 });
    const output = (failure as { stdout: string }).stdout;
    expect(output).toMatch(new RegExp(`social\\.yaml:${line}:5: .*birthDay`));
    expect(output).toMatch(/birthDate is not classified/);
  });
});
