// A bench-only preload (`node --import <this file> <piece's main>`), for bench/memoryProfile.ts:
// on SIGUSR2 it reads the request file <tmp>/memory-probe-<parent pid>/<pid>.request ({ label, snapshot, gc })
// (the harness is the parent; a piece is given only its own settings, so the folder is found this way),
// writes the piece's own view of its memory (process.memoryUsage(), V8's heap spaces and heap
// statistics) to <pid>-<label>.json, with `snapshot` a heap snapshot to <pid>-<label>.heapsnapshot,
// then <pid>-<label>.done. It adds nothing to the piece besides this handler.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';

const folder = join(tmpdir(), `memory-probe-${process.ppid}`);
{
  process.on('SIGUSR2', () => {
    const { label, snapshot, gc } = JSON.parse(readFileSync(join(folder, `${process.pid}.request`), 'utf8'));
    const base = join(folder, `${process.pid}-${label}`);
    const before = sample();
    // A full collection only when asked (--expose-gc): what survives it is what the piece retains.
    if (gc && typeof globalThis.gc === 'function') globalThis.gc();
    const after = sample();
    if (snapshot) v8.writeHeapSnapshot(`${base}.heapsnapshot`);
    writeFileSync(`${base}.json`, JSON.stringify({ before, after }));
    writeFileSync(`${base}.done`, '');
  });
}

function sample() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kB = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return {
    memoryUsage: process.memoryUsage(),
    vmRss: kB('VmRSS'),
    vmHwm: kB('VmHWM'),
    rssAnon: kB('RssAnon'),
    rssFile: kB('RssFile'),
    threads: Number(/^Threads:\s+(\d+)$/m.exec(status)?.[1] ?? 0),
    heapStatistics: v8.getHeapStatistics(),
    heapSpaces: v8.getHeapSpaceStatistics().map((space) => ({
      name: space.space_name,
      size: space.space_size,
      used: space.space_used_size,
      physical: space.physical_space_size,
    })),
  };
}
