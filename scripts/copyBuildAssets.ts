/**
 * The second half of `npm run build`: copies what the compiled code reads beside itself (SDL,
 * WSDL, the workbench's page and its script's sources, the default policy folder, the example
 * operation, the supergraph) into dist/ at the same relative paths, so dist/ mirrors the
 * repository and every `new URL('…', import.meta.url)` finds the same file from the build as from
 * the sources.
 */
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { repositoryRoot } from '../core/repositoryRoot.js';

const root = repositoryRoot();
/** dist/, or the folder given (`tsx scripts/copyBuildAssets.ts <folder>`, as test/build.test.ts builds aside). */
const dist = resolve(root, process.argv[2] ?? 'dist');

/** Folders whose non-TypeScript files the code reads at run time (READMEs are for people). */
const CODE_FOLDERS = ['core', 'registry', 'gateway', 'subgraphs', 'legacy-mocks', 'workbench', 'applications'];
/** Read whole: the default policy (PRIVACY_DIR overrides it in a deployment), the matters, and the explorer's example. */
const WHOLE = ['privacy', 'matters', 'examples/operations', 'supergraph.graphql', 'schema.graphql'];
/** TypeScript a piece bundles for the browser when it starts (workbench/server.ts bundles its page's script). */
const BUNDLED_AT_START = ['workbench/client'];

function copyAssets(folder: string): number {
  let copied = 0;
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'node_modules') copied += copyAssets(path);
    } else if (!entry.endsWith('.ts') && !entry.endsWith('.md')) {
      cpSync(path, join(dist, relative(root, path)));
      copied++;
    }
  }
  return copied;
}

let copied = 0;
for (const folder of CODE_FOLDERS) copied += copyAssets(join(root, folder));
for (const item of WHOLE) {
  if (!existsSync(join(root, item))) continue;
  cpSync(join(root, item), join(dist, item), { recursive: true });
  copied++;
}
for (const folder of BUNDLED_AT_START) {
  cpSync(join(root, folder), join(dist, folder), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts') && !source.includes(`${sep}testing`),
  });
  copied++;
}
process.stdout.write(`copied ${copied} assets into ${relative(root, dist)}/\n`);
