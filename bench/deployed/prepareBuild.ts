import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../core/repositoryRoot.js';
import type { PieceBuild } from './PieceBuild.js';

const run = promisify(execFile);
const root = repositoryRoot();
const DIST = join(root, 'dist');
/** Written into dist/ after a build this benchmark ran: when that build started (ms since the epoch). */
const STAMP = '.bench-build-started';

/**
 * What `npm run build` reads (tsconfig.build.json's folders, the assets scripts/copyBuildAssets.ts
 * copies, the manifests): a file or folder here changed after dist/ was built makes dist/ stale.
 * Tests, testing/ helpers and READMEs are not built, so their changes do not count.
 */
const BUILD_INPUTS = [
  'core',
  'policy',
  'access-log',
  'registry',
  'gateway',
  'subgraphs',
  'legacy-mocks',
  'workbench',
  'applications',
  'matters',
  'scripts',
  'privacy',
  'examples/operations',
  'supergraph.graphql',
  'schema.graphql',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

const notBuilt = (name: string) => name.endsWith('.test.ts') || name.endsWith('.md') || name === 'node_modules';

/** The newest modification time under the build's inputs (a folder's own time moves when a file is added or removed). */
function newestInput(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (notBuilt(entry) || entry === 'testing') continue;
    newest = Math.max(newest, newestInput(join(path, entry)));
  }
  return newest;
}

/** When dist/ was built: the start recorded by this benchmark, else its oldest file (tsc writes them all at the end). */
function builtAt(): number | null {
  if (!existsSync(join(DIST, 'gateway/main.js'))) return null;
  if (existsSync(join(DIST, STAMP))) return Number(readFileSync(join(DIST, STAMP), 'utf8'));
  let oldest = Infinity;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else oldest = Math.min(oldest, statSync(path).mtimeMs);
    }
  };
  walk(DIST);
  return Number.isFinite(oldest) ? oldest : null;
}

/** Why dist/ must be built again, or null when it was built after the last change to what it is built from. */
export function distStaleness(): string | null {
  const built = builtAt();
  if (built === null) return 'there is no dist/';
  const newest = Math.max(...BUILD_INPUTS.map((input) => newestInput(join(root, input))));
  return newest > built
    ? `a build input changed at ${new Date(newest).toISOString().slice(11, 19)} UTC, after dist/ was built (${new Date(built).toISOString().slice(11, 19)} UTC)`
    : null;
}

/** Where a run takes its pieces from: dist/ (the working tree, built), the last commit built aside, or the sources through tsx. */
export type BuildSource = 'dist' | 'head' | 'sources';

/**
 * The build the benchmark starts its pieces from (and how to clean it up): dist/, rebuilt with
 * `npm run build` unless it is fresh (distStaleness); HEAD built aside (buildHead); or the sources
 * through tsx (smoke mode: no compile step in a unit test).
 */
export async function prepareBuild(
  from: BuildSource,
  log: (line: string) => void,
): Promise<{ build: PieceBuild; dispose(): void }> {
  const keep = () => {};
  if (from === 'sources') return { build: { root, loader: 'tsx', label: 'the sources, through tsx' }, dispose: keep };
  if (from === 'head') return buildHead(log);
  return { build: await prepareDist(log), dispose: keep };
}

async function prepareDist(log: (line: string) => void): Promise<PieceBuild> {
  const stale = distStaleness();
  if (stale) {
    log(`npm run build (${stale})`);
    const started = Date.now();
    await run('npm', ['run', 'build'], { cwd: root, maxBuffer: 16 * 2 ** 20 }).catch((error: unknown) => {
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      throw new Error(
        `npm run build failed, so there is nothing to measure (\`-- --build=head\` measures the last commit instead):\n${output.trim().split('\n').slice(-15).join('\n')}`,
      );
    });
    writeFileSync(join(DIST, STAMP), String(started));
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
    return {
      root: DIST,
      loader: 'node',
      label: `dist/, built by this run (${Math.round((Date.now() - started) / 1000)} s)`,
    };
  }
  log('dist/ is fresh: reused');
  return { root: DIST, loader: 'node', label: 'dist/, reused (built after the last change to its inputs)' };
}

/**
 * The last commit (HEAD) built aside, as buildCommit builds an old one: what `-- --build=head`
 * measures, when the working tree is someone's work in progress (it need not even compile).
 */
export async function buildHead(log: (line: string) => void): Promise<{ build: PieceBuild; dispose(): void }> {
  const { stdout } = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root });
  const commit = stdout.trim();
  const built = await buildCommit(commit, log);
  return { ...built, build: { ...built.build, label: `commit ${commit} (HEAD), built aside by this run` } };
}

/**
 * An old commit built as `npm run build` built it then, for a before/after in the same run: its
 * files from `git archive` into a temp folder, this checkout's node_modules linked in (the old
 * commit's dependencies are a subset), compiled with its own tsconfig.build.json and asset copy.
 */
export async function buildCommit(
  commit: string,
  log: (line: string) => void,
): Promise<{ build: PieceBuild; dispose(): void }> {
  const folder = mkdtempSync(join(tmpdir(), `bench-commit-${commit}-`));
  const dispose = () => rmSync(folder, { recursive: true, force: true });
  try {
    log(`building commit ${commit} (git archive into ${folder}, then its own build)`);
    const started = Date.now();
    await run('sh', ['-c', `git archive ${commit} | tar -x -C '${folder}'`], { cwd: root, maxBuffer: 16 * 2 ** 20 });
    symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'));
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: folder,
      maxBuffer: 16 * 2 ** 20,
    });
    await run(process.execPath, ['--import', 'tsx', 'scripts/copyBuildAssets.ts'], { cwd: folder });
    log(`commit ${commit} built in ${Math.round((Date.now() - started) / 1000)} s`);
    return { build: { root: join(folder, 'dist'), loader: 'node', label: `commit ${commit}` }, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
