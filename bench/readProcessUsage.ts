import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The process and all its descendants (a CLI that forks workers is measured whole). */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let index = 0; index < found.length; index++) {
    const current = found[index]!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim().split(/\s+/)) {
          if (child) found.push(Number(child));
        }
      } catch {
        // The task ended meanwhile.
      }
    }
  }
  return found;
}

/** CPU time (user + system, all threads) the process tree has used so far, in milliseconds: the kernel's own accounting. */
export function cpuMilliseconds(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      // Fields after the command name (which may contain spaces) start at field 3; utime, stime are 14, 15.
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile.
    }
  }
  return (ticks / CLOCK_TICKS) * 1000;
}

/** Peak resident memory (VmHWM) of the process tree, in bytes, since start or the last resetPeakMemory. */
export function peakMemoryBytes(pid: number): number {
  let kilobytes = 0;
  for (const member of processTree(pid)) {
    try {
      const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      kilobytes += Number(match?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return kilobytes * 1024;
}

/**
 * Resets the peak to the current resident size (Linux: "5" into /proc/<pid>/clear_refs), so a
 * measured window's peak is its own. Returns false where the kernel does not allow it: the
 * figure is then the peak since the process started.
 */
export function resetPeakMemory(pid: number): boolean {
  let reset = true;
  for (const member of processTree(pid)) {
    try {
      writeFileSync(`/proc/${member}/clear_refs`, '5');
    } catch {
      reset = false;
    }
  }
  return reset;
}
