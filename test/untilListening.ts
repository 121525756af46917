import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the address a started piece prints in its "listening on http://…" line; rejects
 * with the end of its output if it exits first (a start that fails says why in one line).
 */
export function untilListening(child: ChildProcess, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}):\n${output.slice(-2000)}`)));
  });
}
