import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last commit with the format-1 access log: one global chain, each append locking its head row. */
export const FORMAT_ONE_COMMIT = '26207a3';

/** What the old store and its sample requests import, read from the old files' imports. */
const FORMAT_ONE_PATHS = [
  'subgraphs/kit/audit', // the stores, schema, hashing and testing/sampleEntries.ts
  'subgraphs/kit/ids.ts', // canonicalId (normalizeAccessEntry), check digits (the data set)
  'subgraphs/kit/identity', // keyFiles.ts: dataDirectory (openAccessLogStore)
  'subgraphs/kit/caller.ts', // imported by identity/callerToken.ts (not loaded here; kept so every import resolves)
  'subgraphs/kit/errors.ts', // likewise
  'legacy-mocks/data', // the subjects of sampleEntries
  'package.json', // "type": "module"
];

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

export type FormatOneAccessLog =
  { available: true; root: string; remove(): void } | { available: false; reason: string };

/**
 * Extracts the format-1 access log from git history into a temporary folder (`git archive
 * <commit> <paths> | tar -x`), with this checkout's node_modules linked in so its imports
 * resolve. Nothing of it is kept in the working tree; `remove` deletes the folder (also done at
 * exit). Unavailable, with the reason, when the commit is not in this clone (a shallow one).
 */
export function extractFormatOneAccessLog(): FormatOneAccessLog {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: REPOSITORY, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git(['cat-file', '-e', `${FORMAT_ONE_COMMIT}^{commit}`]);
  } catch {
    let shallow = false;
    try {
      shallow = git(['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
    } catch {
      return { available: false, reason: 'no git history here (not a git checkout, or git is missing)' };
    }
    return {
      available: false,
      reason: `commit ${FORMAT_ONE_COMMIT} is not in this clone${shallow ? ' (a shallow clone: git fetch --unshallow)' : ''}`,
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'access-log-format-1-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    execFileSync('tar', ['-x', '-C', root], { input: git(['archive', FORMAT_ONE_COMMIT, ...FORMAT_ONE_PATHS]) });
    symlinkSync(join(REPOSITORY, 'node_modules'), join(root, 'node_modules'), 'dir');
  } catch (error) {
    remove();
    return {
      available: false,
      reason: `could not extract ${FORMAT_ONE_COMMIT}: ${(error as Error).message.split('\n')[0]}`,
    };
  }
  return { available: true, root, remove };
}
