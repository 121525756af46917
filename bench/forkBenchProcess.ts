import { fork, type ChildProcess } from 'node:child_process';

export interface BenchProcess<TReady> {
  pid: number;
  /** What the process reported when it was ready to serve. */
  ready: TReady;
  /** Asks it to stop (SIGTERM, so a --cpu-prof profile is written) and waits for the exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts one of bench/processes/ (or the file at an absolute path) as its own Node process (a .ts
 * file through tsx; a .mjs file, or a bundle of one (deployed/bundleForNode.ts), on plain Node), its logs
 * thrown away as a deployment would ship them, and waits for its `{ ready }` message over IPC.
 * Each service under test runs alone in its process, so /proc tells its CPU time and memory.
 */
export async function forkBenchProcess<TReady>(
  script: string,
  options: { env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<BenchProcess<TReady>> {
  const child = fork(script.startsWith('/') ? script : new URL(`./processes/${script}`, import.meta.url), [], {
    execArgv: [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const ready = await new Promise<TReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${START_TIMEOUT_MS / 1000} s: ${stderr}`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: { ready?: TReady }) => {
      if (message && typeof message === 'object' && 'ready' in message) {
        clearTimeout(timer);
        resolve(message.ready as TReady);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready: ${stderr}`));
    });
  });
  return { pid: child.pid!, ready, stop: () => stopChild(child) };
}

/** Sends SIGTERM and waits for the exit; a process that does not exit in time is killed. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
