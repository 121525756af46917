import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The folder holding package.json: the repository, or the installed product (its package.json,
 * node_modules and dist/). Found by walking up from this file, so the same answer comes from the
 * TypeScript sources and from the build in dist/, which sits one folder deeper.
 */
export function repositoryRoot(): string {
  if (found) return found;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('no package.json above the product: run it from its folder');
    folder = parent;
  }
  return (found = folder);
}

/**
 * The folder the running code's tree starts at: the repository when run from the sources, dist/
 * in a build, where scripts/copyBuildAssets.ts puts the files the code reads beside it (the
 * schemas, privacy/, the supergraph) at the same relative paths. Read assets from here, not from
 * repositoryRoot(), which in a build is the folder above dist/.
 */
export const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The privacy policy folder when PRIVACY_DIR is unset: privacy/ beside the code. */
export const DEFAULT_PRIVACY_DIR = join(CODE_ROOT, 'privacy');
