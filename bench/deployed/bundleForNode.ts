import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { repositoryRoot } from '../../core/repositoryRoot.js';
import type { PieceBuild } from './PieceBuild.js';

const root = repositoryRoot();
const BENCH = join(root, 'bench') + sep;
const OUT = join(root, 'bench/profiles/bundles');

/**
 * A bench-only process (e.g. contender 5's) compiled for plain `node`: the bench's own TypeScript
 * bundled by esbuild (each file's import.meta.url kept as its source's, so the files it reads
 * beside itself are found), every module of the product imported from the build instead (dist/),
 * as the deployed pieces run it; packages stay imports of node_modules. Returns the bundle's path.
 */
export async function bundleForNode(entry: string, build: PieceBuild): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const outfile = join(OUT, `${relative(BENCH, entry).replace(/[/\\]/g, '_').replace(/\.ts$/, '')}.mjs`);
  await esbuild({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    plugins: [
      {
        name: 'product-from-the-build',
        setup(plugin) {
          plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
            const source = resolve(args.resolveDir, args.path);
            if (source.startsWith(BENCH)) return null;
            return { path: pathToFileURL(join(build.root, relative(root, source))).href, external: true };
          });
          plugin.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  return outfile;
}
