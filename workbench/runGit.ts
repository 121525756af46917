import { execFile } from 'node:child_process';

/**
 * Runs one git command in the repository and resolves with its standard output. The workbench
 * takes it as an option, so a test can count or slow the calls; the default is createGitRunner's.
 */
export type GitRunner = (args: readonly string[], options?: { input?: string }) => Promise<Buffer>;

/** Why a git command gave no answer: it exited non-zero (an unknown ref), ran too long, or said too much. */
export class GitFailure extends Error {
  override name = 'GitFailure';
  constructor(
    readonly reason: 'failed' | 'timeout' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/** A policy folder and four schemas are well under 1 MiB; the log of 50 commits a few KB. */
export const MAX_GIT_OUTPUT_BYTES = 8 * 1024 * 1024;
/** A git call on a local repository answers in milliseconds; one that takes this long is stuck. */
export const GIT_TIMEOUT_MS = 5_000;

export interface GitRunnerOptions {
  /** The working tree git runs in. */
  cwd: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

/**
 * Git as an asynchronous child process (never execFileSync: the gateway's event loop keeps serving
 * while git works), never through a shell, with a timeout (killed with SIGKILL) and a bound on
 * its output. Standard error is dropped: it may name paths of this machine.
 */
export function createGitRunner(options: GitRunnerOptions): GitRunner {
  const timeout = options.timeoutMs ?? GIT_TIMEOUT_MS;
  const maxBuffer = options.maxOutputBytes ?? MAX_GIT_OUTPUT_BYTES;
  return (args, { input } = {}) =>
    new Promise<Buffer>((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { cwd: options.cwd, encoding: 'buffer', timeout, killSignal: 'SIGKILL', maxBuffer, windowsHide: true },
        (error, stdout) => {
          if (!error) return resolve(stdout);
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
            return reject(new GitFailure('too-large', `git ${args[0]} said more than ${maxBuffer} bytes`));
          if (error.killed) return reject(new GitFailure('timeout', `git ${args[0]} took longer than ${timeout} ms`));
          reject(new GitFailure('failed', `git ${args[0]} failed`));
        },
      );
      // A git that exits before reading all of its input closes the pipe; that is its answer, not ours to throw.
      child.stdin?.on('error', () => {});
      child.stdin?.end(input ?? '');
    });
}
