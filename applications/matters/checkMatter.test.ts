import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMatters, MATTERS_FOLDER, repositoryMatterContext } from './loadMatters.js';
import { readMatterFile } from './readMatterFile.js';
import { plannedMutationsOf } from './testing/plannedMutationsOf.js';

// The planned department mutations (issue 22, part 2) stand in for the subgraphs' own until they land.
const context = repositoryMatterContext(plannedMutationsOf);
const folder = mkdtempSync(join(tmpdir(), 'matters-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const shipped = readFileSync(join(MATTERS_FOLDER, 'start-a-business.yaml'), 'utf8');
const claim = readFileSync(join(MATTERS_FOLDER, 'claim-benefit.yaml'), 'utf8');

/** The problems of one matter file written from `text`, as `line: message`. */
function problemsOf(text: string): string[] {
  const file = join(folder, `case-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const read = readMatterFile(file);
  const problems = read.ok ? loadMatters(context, folder).files.find((f) => f.file === file)!.problems : read.problems;
  rmSync(file);
  return problems.map((problem) => `${problem.line}: ${problem.message}`);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('the shipped matters', () => {
  it('pass every check against the planned department mutations', () => {
    const loaded = loadMatters(context);
    expect(loaded.files.flatMap((file) => file.problems)).toEqual([]);
    expect(loaded.matters.map((matter) => matter.name)).toEqual(['claim-benefit', 'start-a-business']);
  });
});

describe('the shipped matters against the subgraphs as they are', () => {
  it('pass every check: the departments expose the mutations the matters name (issue 22, part 2)', () => {
    expect(loadMatters(repositoryMatterContext()).files.flatMap((file) => file.problems)).toEqual([]);
  });
});

describe('matters:check finds, with its line', () => {
  it('an idempotencyKey mapped by the matter: the engine fills it in', () => {
    const text = shipped.replace(
      '      uscc: steps.register.uscc\n      taxpayerType',
      '      idempotencyKey: value:k1\n      uscc: steps.register.uscc\n      taxpayerType',
    );
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'idempotencyKey: value:k1')}: 'idempotencyKey' is the engine's (<application>/<step>): leave it out.`,
    );
  });

  it('an unknown department, with the registry near it', () => {
    const text = shipped.replace('department: tax', 'department: taxes');
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'department: taxes')}: Unknown department 'taxes': the registry lists market, tax, social, platform. Did you mean 'tax'?`,
    );
  });

  it('an unknown mutation', () => {
    const text = shipped.replace('action: registerTaxpayer', 'action: registerTaxPayer');
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'registerTaxPayer')}: Unknown mutation 'registerTaxPayer': the tax subgraph's schema has no such Mutation field. Did you mean 'registerTaxpayer'?`,
    );
  });

  it('an unknown argument of a mutation', () => {
    const text = shipped.replace('      businessScope: input.businessScope', '      scope: input.businessScope');
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'scope: input.businessScope')}: Unknown argument 'scope' of market's registerEnterprise.`,
    );
  });

  it('a required argument not mapped', () => {
    const text = shipped.replace('      taxpayerType: input.taxpayerType\n', '');
    expect(problemsOf(text).join('\n')).toContain(
      "The required argument 'taxpayerType' of registerTaxpayer is not mapped.",
    );
  });

  it('an input the applicant types that no step maps', () => {
    const text = shipped.replace('      taxpayerType: input.taxpayerType\n', '      taxpayerType: value:GENERAL\n');
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, '  taxpayerType: {')}: The input 'taxpayerType' is asked of the applicant but no step maps it to an argument.`,
    );
  });

  it('an unknown pre-filled field, against the public schema', () => {
    const text = claim.replace('      accountNumber\n', '      acountNumber\n');
    expect(problemsOf(text).join('\n')).toMatch(
      /prefill\.me does not fit the public schema under me: Cannot query field "acountNumber" on type "SocialSecurityAccount"/,
    );
  });

  it('a pre-filled value read from a list without count()', () => {
    const text = claim.replace(
      'count(prefill.socialSecurity.monthlyContributions)',
      'prefill.socialSecurity.monthlyContributions',
    );
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'contributionMonths:')}: 'prefill.socialSecurity.monthlyContributions': socialSecurity.monthlyContributions is a list: use count(…).`,
    );
  });

  it('an unknown purpose and an unknown role', () => {
    const text = claim
      .replace('purpose: benefit-claim', 'purpose: benefit-claims')
      .replace('role: social-officer', 'role: social-officers');
    const problems = problemsOf(text);
    expect(problems).toContainEqual(
      `${lineOf(text, 'purpose: benefit-claims')}: Unknown purpose 'benefit-claims': privacy/roles.yaml has no such purpose. Did you mean 'benefit-claim'?`,
    );
    expect(problems).toContainEqual(
      `${lineOf(text, 'role: social-officers')}: Unknown role 'social-officers': privacy/roles.yaml has no such role. Did you mean 'social-officer'?`,
    );
  });

  it('a cycle in after:', () => {
    const text = shipped.replace(
      '    department: market\n    action: registerEnterprise',
      '    department: market\n    after: [approve]\n    action: registerEnterprise',
    );
    expect(problemsOf(text).join('\n')).toContain(
      'The steps wait for each other in a cycle: register → approve → registerTaxpayer → register.',
    );
  });

  it("a step's output used by a step that does not wait for it", () => {
    const text = shipped.replace(
      / {4}after: \[register\]\n(?=(?: {4}#.*\n| {4}actsFor: .*\n)* {4}action: registerTaxpayer)/,
      '',
    );
    expect(problemsOf(text)).toContainEqual(
      `${lineOf(text, 'uscc: steps.register.uscc\n      taxpayerType') || lineOf(text, '      uscc: steps.register.uscc')}: 'steps.register.uscc': step 'register' is not one that 'registerTaxpayer' waits for (add it to after:).`,
    );
  });

  it("an officer's decision used where no officer decides, and a source of no known form", () => {
    const text = shipped
      .replace('      taxpayerType: input.taxpayerType', '      taxpayerType: decision.reason')
      .replace('legalForm: input.legalForm', 'legalForm: form.legal');
    const problems = problemsOf(text).join('\n');
    expect(problems).toContain("'decision.reason': only a step with decidedBy: has an officer's decision.");
    expect(problems).toContain("'form.legal' is not a source: write input.<name>, applicant.id");
  });

  it('a malformed shape: a missing title and a bad duration, each at its line', () => {
    const text = shipped
      .replace('title: Start a business\n', '')
      .replace('keepTryingFor: 3d', 'keepTryingFor: three days');
    const problems = problemsOf(text);
    // A missing key is shown where the map that lacks it starts.
    expect(problems).toContainEqual(
      `${lineOf(text, 'description:')}: title: Invalid input: expected string, received undefined.`,
    );
    expect(problems).toContainEqual(
      `${lineOf(text, 'keepTryingFor')}: keepTryingFor: must be a duration such as 30s, 15m, 12h or 5d.`,
    );
  });
});
