import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PIECE_NODE_FLAGS } from '../../scripts/imageEntrypoint.js';

/**
 * Where the benchmark's pieces are started from: a build (`node <build>/gateway/main.js`, as
 * production runs them) or, for the smoke test, the sources through tsx (the same entries, the
 * same one process per piece, no compile step).
 */
export interface PieceBuild {
  /** The folder whose `gateway/main.js`, `subgraphs/…` and `legacy-mocks/…` are started: dist/, an old commit's build, or the repository. */
  root: string;
  /** `node` alone (a build) or `node --import tsx` (the sources). */
  loader: 'node' | 'tsx';
  /** What the tables call it, e.g. "dist/ (built at 16:40 UTC)" or "commit 5fa6311". */
  label: string;
}

/** A piece's compiled main (or its source) and the arguments it is started with. */
export interface PieceMain {
  file: string;
  args: string[];
}

const extension = (build: PieceBuild) => (build.loader === 'tsx' ? '.ts' : '.js');

/** Node's options for a piece of this build: a build's pieces get the image's flags, as production runs them. */
export function nodeOptions(build: PieceBuild): string[] {
  return build.loader === 'tsx' ? ['--import', 'tsx'] : [...PIECE_NODE_FLAGS];
}

export function gatewayMain(build: PieceBuild): PieceMain {
  return { file: join(build.root, `gateway/main${extension(build)}`), args: [] };
}

/**
 * A department's subgraph: one entry per kind (`subgraphs/main.js <department>`) since a5003b4;
 * before that, a main per department (`subgraphs/<department>/main.js`), which the old commit
 * measured in the same run still has.
 */
export function subgraphMain(build: PieceBuild, department: string): PieceMain {
  return perKindOrPerDepartment(build, 'subgraphs', department);
}

/** A department's legacy stand-in, per kind or (older builds) per department, as subgraphMain. */
export function standInMain(build: PieceBuild, department: string): PieceMain {
  return perKindOrPerDepartment(build, 'legacy-mocks', department);
}

function perKindOrPerDepartment(build: PieceBuild, folder: string, department: string): PieceMain {
  const perKind = join(build.root, folder, `main${extension(build)}`);
  if (existsSync(perKind)) return { file: perKind, args: [department] };
  return { file: join(build.root, folder, department, `main${extension(build)}`), args: [] };
}
