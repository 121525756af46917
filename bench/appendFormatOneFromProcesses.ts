import { fileURLToPath } from 'node:url';
import { releaseWriterProcesses } from '../subgraphs/kit/audit/testing/appendFromProcesses.js';

const APPEND_FORMAT_ONE_FROM_PROCESS = fileURLToPath(new URL('./appendFormatOneFromProcess.ts', import.meta.url));

/**
 * appendFromProcesses (subgraphs/kit/audit/testing/) for the format-1 log extracted at `root`: one
 * appendFormatOneFromProcess per writer, released together; each writer's time to its last commit, in ms.
 */
export function appendFormatOneFromProcesses(
  root: string,
  url: string,
  writers: readonly string[],
  requests: number,
  inFlight: number,
): Promise<number[]> {
  return releaseWriterProcesses(
    APPEND_FORMAT_ONE_FROM_PROCESS,
    writers.map((writer) => [root, url, writer, String(requests), String(inFlight)]),
  );
}
