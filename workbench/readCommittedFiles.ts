import { GitFailure, type GitRunner } from './runGit.js';

/** privacy/ holds a handful of files; a commit with more under it is not a policy folder the workbench compares. */
export const MAX_COMMITTED_FILES = 200;

/** A committed file: its path and its blob id, which names its content. */
export interface CommittedFile {
  path: string;
  oid: string;
}

/**
 * Which policy files (every `.yaml` under privacy/) and department schemas are committed at `sha`
 * (a resolved commit id), with their blob ids: one `git ls-tree`. Two commits with the same list
 * hold the same policy, whatever else changed between them. A department whose schema did not
 * exist then is simply absent.
 */
export async function listCommittedFiles(
  git: GitRunner,
  sha: string,
  schemaFiles: readonly string[],
): Promise<CommittedFile[]> {
  const listing = (await git(['ls-tree', '-r', '-z', '--full-name', sha, '--', 'privacy/', ...schemaFiles]))
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const files: CommittedFile[] = [];
  for (const entry of listing) {
    // "<mode> blob <oid>\t<path>"; -z leaves the path unquoted.
    const match = /^\d+ blob ([0-9a-f]{40,64})\t(.+)$/s.exec(entry);
    if (!match) continue;
    const path = match[2]!;
    if ((path.startsWith('privacy/') && path.endsWith('.yaml')) || schemaFiles.includes(path))
      files.push({ oid: match[1]!, path });
  }
  if (files.length > MAX_COMMITTED_FILES)
    throw new GitFailure('too-large', `privacy/ holds more than ${MAX_COMMITTED_FILES} files at ${sha.slice(0, 12)}`);
  return files;
}

/**
 * The texts of the files listCommittedFiles found, as path → text: what the workbench checks as
 * policy:check would have checked them then (readCommittedPolicy does the same for
 * `policy:explain --diff`). One `git cat-file --batch`, whatever the number of files.
 */
export async function readCommittedFiles(
  git: GitRunner,
  blobs: readonly CommittedFile[],
): Promise<Record<string, string>> {
  if (blobs.length === 0) return {};
  const output = await git(['cat-file', '--batch'], { input: blobs.map(({ oid }) => `${oid}\n`).join('') });
  const files: Record<string, string> = {};
  let at = 0;
  for (const { oid, path } of blobs) {
    // Each object: "<oid> blob <size>\n", then <size> bytes, then "\n".
    const headerEnd = output.indexOf(0x0a, at);
    const header = headerEnd < 0 ? '' : output.toString('latin1', at, headerEnd);
    const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
    if (!match || match[1] !== oid) throw new GitFailure('failed', `git cat-file did not answer for ${path}`);
    const size = Number(match[2]);
    files[path] = output.toString('utf8', headerEnd + 1, headerEnd + 1 + size);
    at = headerEnd + 1 + size + 1;
  }
  return files;
}
