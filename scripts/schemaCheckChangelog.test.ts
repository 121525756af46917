import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSchemaChangelog, SCHEMA_CHANGELOG_FILE } from './schemaCheckChangelog.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'schema-changelog-'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeChangelog(lines: string[]): void {
  mkdirSync(dirname(join(root, SCHEMA_CHANGELOG_FILE)), { recursive: true });
  writeFileSync(join(root, SCHEMA_CHANGELOG_FILE), `${lines.join('\n')}\n`);
}

describe('readSchemaChangelog', () => {
  it('acknowledges the coordinate of each well-formed entry, parentheses in the reason included', () => {
    writeChangelog([
      '# Changes',
      '- BREAKING TaxProfile.creditRating: removed (the bureau stopped rating (2025); stop selecting it)',
      '- BREAKING TaxProfile.filings.year: now required (a year is always needed; pass the current one)',
    ]);
    expect(readSchemaChangelog(root)).toEqual({
      acknowledged: new Set(['TaxProfile.creditRating', 'TaxProfile.filings.year']),
      malformed: [],
    });
  });

  it('reports an entry without a reason with its line, and acknowledges nothing for it', () => {
    writeChangelog(['# Changes', '', '- BREAKING TaxProfile.arrears: now a String']);
    const changelog = readSchemaChangelog(root);
    expect(changelog.acknowledged.size).toBe(0);
    expect(changelog.malformed).toEqual([expect.stringMatching(/^docs\/schema-changes\.md:3: not "- BREAKING/)]);
  });

  it('ignores examples inside fenced code blocks', () => {
    writeChangelog(['```', '- BREAKING TaxProfile.arrears: changed (example)', '- BREAKING malformed', '```']);
    expect(readSchemaChangelog(root)).toEqual({ acknowledged: new Set(), malformed: [] });
  });

  it('acknowledges nothing when there is no changelog', () => {
    expect(readSchemaChangelog(root)).toEqual({ acknowledged: new Set(), malformed: [] });
  });
});
