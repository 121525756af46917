import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean, SHARED_RULES_FILE } from '../load/index.js';
import type { CheckedFile } from '../engine/index.js';

/** Besides the departments' files: what a policy folder may hold. */
const KNOWN_NAMES = ['roles.yaml', SHARED_RULES_FILE, 'README.md', 'tests'] as const;

/**
 * The files in the policy folder that nothing reads: a stray `health.yaml` (a department that
 * does not exist, or a misspelt one) would otherwise be ignored without a word, and its author
 * would believe it is enforced. Each is reported at its line 1, with the closest known name.
 */
export function findUnknownFiles(folder: string, departments: readonly string[]): CheckedFile[] {
  const known = [...KNOWN_NAMES, ...departments.map((name) => `${name}.yaml`)];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => !known.includes(name) && !name.startsWith('.'))
    .sort()
    .map((name) => {
      const file = join(folder, name);
      const isFolder = statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
      const message = isFolder
        ? `Unknown folder '${name}' in the policy folder: only tests/ (policy tests) is read.${didYouMean(name, ['tests'])}`
        : `Unknown file '${name}': nothing reads it, so nothing it says is enforced. A policy folder holds roles.yaml, ${SHARED_RULES_FILE} and one file per department (${departments.map((department) => `${department}.yaml`).join(', ')}).${didYouMean(name, known)} Rename it or remove it.`;
      return { file, department: null, problems: [{ file, line: 1, column: 1, message }] };
    });
}
