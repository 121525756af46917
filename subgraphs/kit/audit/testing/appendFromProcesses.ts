import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const APPEND_FROM_PROCESS = fileURLToPath(new URL('./appendFromProcess.ts', import.meta.url));

/**
 * Starts one appendFromProcess per writer (each its own chain), releases them together once all
 * are ready, and waits for all; each writer's time from release to its last commit, in ms.
 */
export async function appendFromProcesses(url: string, writers: readonly string[], requests: number, inFlight = 1, pauseMs = 0): Promise<number[]> {
  const children = writers.map((writer) =>
    spawn(process.execPath, ['--import', 'tsx', APPEND_FROM_PROCESS, url, writer, String(requests), String(inFlight), String(pauseMs)], { stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  const outputs = children.map(() => '');
  const exits = children.map(async (child, i) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (outputs[i] += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`a writer process failed (exit ${code}): ${stderr}`);
  });
  const ready = children.map((child) => once(child.stdout, 'data'));
  await Promise.race([Promise.all(ready), Promise.all(exits)]);
  for (const child of children) child.stdin.write('go\n');
  await Promise.all(exits);
  return outputs.map((output) => Number(/done (\d+)/.exec(output)?.[1] ?? NaN));
}

