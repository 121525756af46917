import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The last commit before issue 23's access-log work: SQLite with `synchronous = FULL` (fsync on
 * the event loop), a salt drawn per subject, the generic canonical-JSON digest, index inserts
 * whose text changed with the row count, and PostgreSQL's group statement built anew per group.
 */
export const ACCESS_LOG_BASELINE_COMMIT = '5fa6311';

/** What that commit's writer process imports: the package, the core it imports, the data set its samples use. */
const BASELINE_PATHS = ['access-log', 'core', 'legacy-mocks/data', 'package.json'];

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

export type AccessLogBaseline =
  { available: true; commit: string; appendFromProcess: string; remove(): void } | { available: false; reason: string };

/**
 * The baseline's access log, extracted from git history into a temporary folder (`git archive
 * <commit> <paths> | tar -x`) with this checkout's node_modules linked in, so its own
 * `access-log/testing/appendFromProcess.ts` (the same command line as today's) can drive it
 * beside this commit's in one run. Nothing is kept in the working tree; `remove` deletes the
 * folder (also done at exit). Unavailable, with the reason, when the commit is not in this clone.
 */
export function extractAccessLogBaseline(commit = ACCESS_LOG_BASELINE_COMMIT): AccessLogBaseline {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: REPOSITORY, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git(['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    return { available: false, reason: `commit ${commit} is not in this clone (or this is no git checkout)` };
  }
  const root = mkdtempSync(join(tmpdir(), 'access-log-baseline-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    execFileSync('tar', ['-x', '-C', root], { input: git(['archive', commit, ...BASELINE_PATHS]) });
    symlinkSync(join(REPOSITORY, 'node_modules'), join(root, 'node_modules'), 'dir');
  } catch (error) {
    remove();
    return { available: false, reason: `could not extract ${commit}: ${(error as Error).message.split('\n')[0]}` };
  }
  return { available: true, commit, appendFromProcess: join(root, 'access-log/testing/appendFromProcess.ts'), remove };
}
