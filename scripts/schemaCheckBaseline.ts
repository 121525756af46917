import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Source } from 'graphql';

/** The committed public API schema, relative to the checked folder: what portals build against. */
export const COMMITTED_SCHEMA_FILE = 'schema.graphql';

/**
 * The schema the new one is compared with: schema.graphql as it is in `root`, or, given a git
 * revision, as it was committed there. The revision matters once `npm run compose` has rewritten
 * the file: compared with itself, a breaking change would pass unseen (CI passes its target branch).
 */
export function readBaselineSchema(root: string, base?: string): Source {
  if (base === undefined)
    return new Source(readFileSync(join(root, COMMITTED_SCHEMA_FILE), 'utf8'), COMMITTED_SCHEMA_FILE);
  const name = `${base}:${COMMITTED_SCHEMA_FILE}`;
  try {
    // execFile, not a shell: the revision comes from the command line and is passed as one argument.
    return new Source(
      execFileSync('git', ['show', name], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
      name,
    );
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`cannot read ${name} with git show: ${stderr || String(error)}`, { cause: error });
  }
}
