import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../gateway/subgraphList.js';
import { SCHEMA_CHANGELOG_FILE } from './schemaCheckChangelog.js';
import { renderSchemaCheckReport } from './schemaCheckReport.js';
import { COMMITTED_SCHEMA_FILE } from './schemaCheckBaseline.js';
import { composeApiSchema } from './schemaCheckCompose.js';
import { runSchemaCheck } from './schemaCheckRun.js';
import { MANIFEST_FILE, OPERATIONS_FOLDERS } from './schemaCheckOperations.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TAX_SCHEMA = 'subgraphs/tax/schema.graphql';

// Each test edits its own copy of what the check reads; the real schemas are never touched.
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'schema-check-'));
  const files = [...SUBGRAPHS.map((entry) => entry.schemaFile), COMMITTED_SCHEMA_FILE, SCHEMA_CHANGELOG_FILE];
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(REPOSITORY_ROOT, file), join(copy, file));
  }
  for (const folder of OPERATIONS_FOLDERS)
    cpSync(join(REPOSITORY_ROOT, folder), join(copy, folder), { recursive: true });
  mkdirSync(dirname(join(copy, MANIFEST_FILE)), { recursive: true });
  cpSync(join(REPOSITORY_ROOT, MANIFEST_FILE), join(copy, MANIFEST_FILE));
});

afterEach(() => rmSync(copy, { recursive: true, force: true }));

/** Replaces `from` (which must be there, so a renamed field cannot make a test pass vacuously) in a copied file. */
function editCopy(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(copy, file), 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${file} should contain ${String(from)}`).not.toBe(text);
  writeFileSync(join(copy, file), edited);
}

function acknowledge(line: string): void {
  writeFileSync(
    join(copy, SCHEMA_CHANGELOG_FILE),
    `${readFileSync(join(copy, SCHEMA_CHANGELOG_FILE), 'utf8')}\n${line}\n`,
  );
}

describe('schema:check', () => {
  it('passes on the current subgraph schemas', async () => {
    const result = await runSchemaCheck(copy);
    expect(result.problems).toEqual([]);
    expect(result.breaking).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('fails on removing TaxProfile.registeredOn, naming the change', async () => {
    editCopy(
      TAX_SCHEMA,
      /^\s*"""\n\s*The day the company registered with the tax bureau[^"]*"""\n\s*registeredOn: Date\n/m,
      '',
    );
    const result = await runSchemaCheck(copy);
    expect(result.passed).toBe(false);
    expect(result.breaking).toEqual([
      expect.objectContaining({
        coordinate: 'TaxProfile.registeredOn',
        acknowledged: false,
        message: expect.stringMatching(/removed/),
      }),
    ]);
    expect(renderSchemaCheckReport(result)).toMatch(/^BREAKING TaxProfile\.registeredOn: .*removed.*not acknowledged/m);
  });

  it('fails on changing TaxProfile.arrears to String, naming the change', async () => {
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: String');
    const result = await runSchemaCheck(copy);
    expect(result.passed).toBe(false);
    expect(result.breaking).toEqual([
      expect.objectContaining({
        coordinate: 'TaxProfile.arrears',
        acknowledged: false,
        message: expect.stringMatching(/Decimal.*String/),
      }),
    ]);
    // The portal's operations still validate (arrears is still a leaf): only the diff catches this.
    expect(result.problems).toEqual([]);
  });

  it('passes a breaking change once the changelog acknowledges it', async () => {
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: String');
    acknowledge(
      '- BREAKING TaxProfile.arrears: Decimal to String (the bureau now reports ranges; read arrearsAmount instead)',
    );
    const result = await runSchemaCheck(copy);
    expect(result.breaking).toEqual([
      expect.objectContaining({ coordinate: 'TaxProfile.arrears', acknowledged: true }),
    ]);
    expect(result.passed).toBe(true);
  });

  it('does not take an entry without a reason as an acknowledgement', async () => {
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: String');
    acknowledge('- BREAKING TaxProfile.arrears: Decimal to String');
    const result = await runSchemaCheck(copy);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^docs\/schema-changes\.md:\d+: not "- BREAKING/)]);
    expect(result.breaking).toEqual([
      expect.objectContaining({ coordinate: 'TaxProfile.arrears', acknowledged: false }),
    ]);
  });

  it('prints a dangerous change but passes', async () => {
    editCopy(TAX_SCHEMA, /year: Int!\n(\s*)\): \[TaxFiling!\]/, 'year: Int!\n    kind: String\n  ): [TaxFiling!]');
    const result = await runSchemaCheck(copy);
    expect(result.dangerous).toEqual([expect.objectContaining({ coordinate: 'TaxProfile.filings.kind' })]);
    expect(renderSchemaCheckReport(result)).toMatch(/^DANGEROUS TaxProfile\.filings\.kind: /m);
    expect(result.passed).toBe(true);
  });

  it('reports a syntax error in a subgraph schema with file, line and column', async () => {
    // With the type gone after the colon, the parser stops at the next line's description string.
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: ');
    const lines = readFileSync(join(copy, TAX_SCHEMA), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('arrears: ')) + 2;
    const result = await runSchemaCheck(copy);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(new RegExp(`^subgraphs/tax/schema\\.graphql:${line}:\\d+: Syntax Error`)),
    ]);
  });

  it('reports a composition error with file, line and column', async () => {
    editCopy(TAX_SCHEMA, 'type Company @key(fields: "uscc")', 'type Company @key(fields: "usccc")');
    const result = await runSchemaCheck(copy);
    expect(result.passed).toBe(false);
    expect(result.problems).toContainEqual(
      expect.stringMatching(/^subgraphs\/tax\/schema\.graphql:\d+:\d+: KEY_INVALID_FIELDS: /),
    );
  });

  it('fails when an example operation no longer validates, even with the change acknowledged', async () => {
    editCopy(TAX_SCHEMA, /^\s*"""\n\s*The tax credit rating[^"]*"""\n\s*creditRating: TaxCreditRating\n/m, '');
    acknowledge(
      '- BREAKING TaxProfile.creditRating: removed (ratings move to the credit subgraph; query creditRecord.rating)',
    );
    const result = await runSchemaCheck(copy);
    expect(result.breaking).toEqual([
      expect.objectContaining({ coordinate: 'TaxProfile.creditRating', acknowledged: true }),
    ]);
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^examples\/operations\/CompanyProfile\.graphql:\d+:\d+: Cannot query field "creditRating" on type "TaxProfile"/,
      ),
    );
    expect(result.passed).toBe(false);
  });

  it("validates the trusted documents' manifest against the new schema", async () => {
    editCopy(TAX_SCHEMA, /^\s*"""\n\s*The tax credit rating[^"]*"""\n\s*creditRating: TaxCreditRating\n/m, '');
    const result = await runSchemaCheck(copy);
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^examples\/generated\/client\/persisted-documents\.json sha256:[0-9a-f]{12}:\d+:\d+: Cannot query field "creditRating"/,
      ),
    );
    expect(result.passed).toBe(false);
  });

  it('fails on a manifest entry that is not the hash of its document, or an operation missing from the manifest', async () => {
    const manifest = JSON.parse(readFileSync(join(copy, MANIFEST_FILE), 'utf8')) as Record<string, string>;
    const [first] = Object.keys(manifest);
    manifest[first!] = '{ __typename }';
    writeFileSync(join(copy, MANIFEST_FILE), JSON.stringify(manifest));
    const result = await runSchemaCheck(copy);
    expect(result.problems).toContainEqual(expect.stringMatching(/is not the sha256 of its document/));
    expect(result.problems).toContainEqual(expect.stringMatching(/not in the trusted documents .*run npm run codegen/));
    expect(result.passed).toBe(false);
  });

  it('with --base, still fails on a breaking change after `npm run compose` rewrote schema.graphql', async () => {
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: copy },
      );
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'baseline');
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: String');
    const composed = composeApiSchema(copy);
    if (!composed.ok) throw new Error(composed.problems.join('\n'));
    writeFileSync(join(copy, COMMITTED_SCHEMA_FILE), composed.apiSchemaSdl);

    // Against the rewritten file the change is invisible; against the last commit it is not.
    expect((await runSchemaCheck(copy)).passed).toBe(true);
    const result = await runSchemaCheck(copy, { base: 'HEAD' });
    expect(result.breaking).toEqual([
      expect.objectContaining({ coordinate: 'TaxProfile.arrears', acknowledged: false }),
    ]);
    expect(result.passed).toBe(false);
  });

  it('exits non-zero from the command line and prints the change', async () => {
    editCopy(TAX_SCHEMA, 'arrears: Decimal', 'arrears: String');
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/schemaCheck.ts', '--root', copy], {
      cwd: REPOSITORY_ROOT,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^BREAKING TaxProfile\.arrears: /m),
    });
  });
});
