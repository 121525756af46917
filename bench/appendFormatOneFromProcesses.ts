import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const APPEND_FORMAT_ONE_FROM_PROCESS = fileURLToPath(new URL('./appendFormatOneFromProcess.ts', import.meta.url));

/**
 * appendFromProcesses (subgraphs/kit/audit/testing/) for the format-1 log extracted at `root`:
 * starts one appendFormatOneFromProcess per writer, releases them together once all are ready,
 * and waits for all; each writer's time from release to its last commit, in ms.
 */
export async function appendFormatOneFromProcesses(root: string, url: string, writers: readonly string[], requests: number, inFlight: number): Promise<number[]> {
  const children = writers.map((writer) =>
    spawn(process.execPath, ['--import', 'tsx', APPEND_FORMAT_ONE_FROM_PROCESS, root, url, writer, String(requests), String(inFlight)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map(() => '');
  const exits = children.map(async (child, i) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (outputs[i] += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`a format-1 writer process failed (exit ${code}): ${stderr}`);
  });
  try {
    const ready = children.map((child) => once(child.stdout, 'data'));
    await Promise.race([Promise.all(ready), Promise.all(exits)]);
    for (const child of children) child.stdin.write('go\n');
    await Promise.all(exits);
  } catch (error) {
    // One writer failed: the others would wait for their release (or their turn) forever.
    for (const child of children) if (child.exitCode === null) child.kill();
    throw error;
  }
  return outputs.map((output) => Number(/done (\d+)/.exec(output)?.[1] ?? NaN));
}
