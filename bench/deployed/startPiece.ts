import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from '../forkBenchProcess.js';
import { nodeOptions, type PieceBuild, type PieceMain } from './PieceBuild.js';

/** What a piece is, for the per-piece columns: the gateway a contender runs, a subgraph, a stand-in. */
export type PieceKind = 'gateway' | 'subgraph' | 'open subgraph' | 'stand-in';

/** One process of the benchmark's graph, started as production starts it. */
export interface Piece {
  kind: PieceKind;
  /** E.g. "subgraph market", "open subgraph tax", "stand-in social". */
  name: string;
  pid: number;
  /** The origin it printed in its "listening on" line. */
  origin: string;
  /** SIGTERM (so a --cpu-prof profile is written), then the exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/** Every piece still running: a harness that dies (a test's timeout, Ctrl-C) takes them with it rather than leaving them listening. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `node [options] <main> <args>` with only the environment given (and PATH), resolved with the
 * origin of its "listening on http://…" line, as each piece's main prints it. Its output is read
 * and dropped afterwards, as a deployment ships its logs elsewhere (the request logs' own cost, on
 * the piece, counts as deployed).
 */
export function startPiece(
  build: PieceBuild,
  piece: { kind: PieceKind; name: string; main: PieceMain; env: Record<string, string>; execArgv?: string[] },
): Promise<Piece> {
  const child = spawn(
    process.execPath,
    [...nodeOptions(build), ...(piece.execArgv ?? []), piece.main.file, ...piece.main.args],
    {
      cwd: build.root,
      env: { PATH: process.env.PATH ?? '', ...piece.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`${piece.name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2_000)}`));
    }, START_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      if (ready) return;
      output = (output + chunk.toString('utf8')).slice(-8_000);
      const origin = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1];
      if (!origin) return;
      ready = true;
      clearTimeout(timer);
      resolve({ kind: piece.kind, name: piece.name, pid: child.pid!, origin, stop: () => stopChild(child) });
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready)
        reject(new Error(`${piece.name} exited (${code ?? signal}) before it listened:\n${output.slice(-2_000)}`));
    });
  });
}
