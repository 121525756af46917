import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stopChild } from '../forkBenchProcess.js';
import { pointSupergraphAt } from '../pointSupergraphAt.js';
import type { Contender } from './Contender.js';
import { graphqlRequest } from './graphqlRequest.js';

const START_TIMEOUT_MS = 60_000;

/**
 * Contender 4: Hive Gateway (`@graphql-hive/gateway`, its own CLI with default settings and one
 * process, `--fork 1`) serving the same supergraph, routed to the open subgraphs.
 */
export const hiveGateway: Contender = {
  id: 4,
  name: 'Hive Gateway',
  async start(context) {
    const folder = mkdtempSync(join(tmpdir(), 'bench-hive-'));
    const supergraphFile = join(folder, 'supergraph.graphql');
    writeFileSync(supergraphFile, pointSupergraphAt(context.supergraphSdl, context.backend.openSubgraphs));
    const port = await freePort();
    const packageJson = createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json');
    const child = spawn(
      process.execPath,
      [
        ...(context.execArgv ?? []),
        join(dirname(packageJson), 'dist/bin.js'),
        'supergraph',
        supergraphFile,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--fork',
        '1',
      ],
      {
        cwd: folder,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      await waitUntilAnswering(
        url,
        () => child.exitCode !== null,
        () => stderr,
      );
    } catch (error) {
      await stopChild(child);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    return {
      pid: child.pid!,
      requestFor: async (scenario) => graphqlRequest(url, scenario, { document: 'open', tokenFor: null }),
      stop: async () => {
        await stopChild(child);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

async function waitUntilAnswering(url: string, exited: () => boolean, stderr: () => string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (exited()) throw new Error(`Hive Gateway exited at start: ${stderr()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Hive Gateway did not answer within ${START_TIMEOUT_MS / 1000} s: ${stderr()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
