import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { departmentSettings, type Department } from '../registry/departments.js';

export interface SpawnedSubgraph {
  url: string;
  /** The process as it runs now (replaced by restart). */
  process(): ChildProcess;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, and waits until it listens. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a subgraph as its own process, as `npm start` does, so a test can kill it like a crash
 * would (SIGKILL: no clean-up runs) and start it again. Ready when it prints its listening line.
 */
export async function spawnSubgraph(name: Department, env: Record<string, string>): Promise<SpawnedSubgraph> {
  const port = await freePort();
  const { subgraphPortVariable: portVariable } = departmentSettings(name);
  let child: ChildProcess;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/main.ts', name], {
        env: { ...process.env, ...env, [portVariable]: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) {
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) =>
        reject(new Error(`${name} subgraph exited (${code}) before listening:\n${output.slice(-2000)}`)),
      );
    });
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    process: () => child,
    async kill(signal) {
      child.kill(signal);
      await exited();
    },
    restart: start,
    async close() {
      child.kill('SIGTERM');
      await exited();
    },
  };
}
