import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const APPEND_FROM_PROCESS = fileURLToPath(new URL('./appendFromProcess.ts', import.meta.url));

/**
 * Starts one writer process per argument list (`node --import tsx <script> ...args`), each of which
 * prints a line when ready, waits for a line on stdin, appends, and prints "done <ms>"; releases
 * them together once all are ready, waits for all, and returns each writer's milliseconds. If one
 * fails, the others are killed (they would wait for their release, or their turn, forever).
 */
export async function releaseWriterProcesses(
  script: string,
  argumentLists: ReadonlyArray<readonly string[]>,
): Promise<number[]> {
  const children = argumentLists.map((args) =>
    spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  const outputs = children.map(() => '');
  const exits = children.map(async (child, i) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (outputs[i] += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`a writer process failed (exit ${code}): ${stderr}`);
  });
  try {
    const ready = children.map((child) => once(child.stdout, 'data'));
    await Promise.race([Promise.all(ready), Promise.all(exits)]);
    for (const child of children) child.stdin.write('go\n');
    await Promise.all(exits);
  } catch (error) {
    for (const child of children) if (child.exitCode === null) child.kill();
    throw error;
  }
  return outputs.map((output) => Number(/done (\d+)/.exec(output)?.[1] ?? NaN));
}

/** One appendFromProcess per writer (each its own chain) on the log at `url`; see releaseWriterProcesses. */
export function appendFromProcesses(
  url: string,
  writers: readonly string[],
  requests: number,
  inFlight = 1,
  pauseMs = 0,
): Promise<number[]> {
  return releaseWriterProcesses(
    APPEND_FROM_PROCESS,
    writers.map((writer) => [url, writer, String(requests), String(inFlight), String(pauseMs)]),
  );
}
