import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Department } from '../../core/errors.js';
import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { checkPolicies, type PolicyCheck } from './checkPolicies.js';

export type CommittedPolicyResult =
  | { ok: true; sha: string; check: PolicyCheck }
  | { ok: false; code: 'BAD_REF' | 'UNKNOWN_REF' | 'NO_HISTORY'; message: string };

export interface ReadCommittedPolicyOptions {
  /** Every department, with its SDL file relative to the root (registry/departments.ts). */
  departments: ReadonlyArray<{ name: Department; schemaFile: string }>;
  root?: string;
}

/**
 * A plain ref: a branch, a tag, a commit id, optionally with ~n or ^n. No ranges (`..`), no
 * reflog (`@{`), no paths (`:`), nothing starting with `-` (an option to git). Only this reaches
 * git, always as one argument of execFile, never through a shell.
 */
const PLAIN_REF = /^(?!-)(?!.*\.\.)(?!.*@\{)[A-Za-z0-9._/-]{1,100}(?:[~^][0-9]{0,3})*$/;

/** Whether a ref is one readCommittedPolicy accepts (for the gateway's 400 before anything runs). */
export function isPlainRef(ref: string): boolean {
  return PLAIN_REF.test(ref);
}

/**
 * The policy files (privacy/) and the departments' schemas as committed at a ref, checked as
 * policy:check would have checked them then: what `policy:explain --diff` and the workbench page
 * compare with the files in force. Read with `git show` into a temporary folder, removed after.
 * A department whose schema did not exist then is left out.
 */
export function readCommittedPolicy(ref: string, options: ReadCommittedPolicyOptions): CommittedPolicyResult {
  const root = options.root ?? CODE_ROOT;
  if (!isPlainRef(ref))
    return {
      ok: false,
      code: 'BAD_REF',
      message: 'give a branch, a tag or a commit id (letters, digits, . _ / -, optionally ~n or ^n)',
    };
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
  let sha: string;
  try {
    git('rev-parse', '--git-dir');
  } catch {
    return { ok: false, code: 'NO_HISTORY', message: 'the policy files are not in a git repository here' };
  }
  try {
    sha = git('rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`).trim();
  } catch {
    return { ok: false, code: 'UNKNOWN_REF', message: `no commit is called '${ref}' in this repository` };
  }
  const folder = mkdtempSync(join(tmpdir(), 'policy-at-'));
  try {
    const files = git('ls-tree', '-r', '--name-only', sha, '--', 'privacy/')
      .split('\n')
      .filter((file) => file.endsWith('.yaml'));
    for (const file of files) write(folder, file, git('show', `${sha}:${file}`));
    const present = options.departments.filter(({ schemaFile }) => {
      try {
        write(folder, schemaFile, git('show', `${sha}:${schemaFile}`));
        return true;
      } catch {
        return false;
      }
    });
    const check = checkPolicies({
      departments: present,
      root: folder,
    });
    // Problem paths point into the temporary folder; show them as the committed paths.
    for (const file of check.files) {
      file.file = atRef(file.file, folder, sha);
      for (const problem of file.problems) problem.file = atRef(problem.file, folder, sha);
    }
    return { ok: true, sha, check };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function write(folder: string, file: string, text: string): void {
  const path = join(folder, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function atRef(path: string, folder: string, sha: string): string {
  return path.startsWith(folder) ? `${sha.slice(0, 12)}:${path.slice(folder.length + 1)}` : path;
}
