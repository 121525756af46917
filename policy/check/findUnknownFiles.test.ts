import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/policyFixtures.js';
import { findUnknownFiles } from './findUnknownFiles.js';

describe('findUnknownFiles', () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it('refuses a stray file and a stray folder, and accepts the known ones', () => {
    for (const name of ['roles.yaml', 'rules.yaml', 'tax.yaml', 'README.md', 'health.yaml', 'taxx.yaml'])
      folder.write(name, '');
    mkdirSync(join(folder.path, 'tests'));
    mkdirSync(join(folder.path, 'drafts'));
    const found = findUnknownFiles(folder.path, ['tax', 'social']);
    expect(found.map(({ file, problems }) => [file.slice(folder.path.length + 1), problems[0]!.line])).toEqual([
      ['drafts', 1],
      ['health.yaml', 1],
      ['taxx.yaml', 1],
    ]);
    expect(found[1]!.problems[0]!.message).toMatch(
      /^Unknown file 'health\.yaml': nothing reads it, so nothing it says is enforced\./,
    );
    expect(found[2]!.problems[0]!.message).toContain("Did you mean 'tax.yaml'?");
  });
});
