import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CostLine {
  /** A package (`graphql`, `@apollo/gateway`), one of our files (`gateway/server.ts`), or Node's own (`node:internal/...`, `(garbage collector)`). */
  where: string;
  /** Share of the busy (non-idle) samples, 0-1. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  /** Self time grouped by package or file, largest first. */
  byPlace: CostLine[];
  /** Self time of single functions, largest first (`name (place:line)`). */
  byFunction: CostLine[];
}

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where a frame's code lives: the package under node_modules, our file, or Node itself. */
export function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native code)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (inPackage) return inPackage[1]!;
  if (path.startsWith(REPOSITORY_ROOT)) return path.slice(REPOSITORY_ROOT.length);
  return path.startsWith('node:') ? path.replace(/^node:internal\/([^/]+).*$/, 'node:internal/$1') : path;
}

/**
 * The top self-time costs of a V8 CPU profile (`node --cpu-prof`), by package or file and by
 * function, as shares of the time the process was busy (idle samples left out). With `windows`
 * (CLOCK_MONOTONIC microseconds, V8's sample clock on Linux), only samples inside them count, so
 * start-up (module loading, schema building) does not blur the picture of a request's cost.
 */
export function summariseCpuProfile(
  file: string,
  options: { windows?: Array<{ from: number; to: number }>; top?: number } = {},
): ProfileSummary {
  const top = options.top ?? 12;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  // A native function (a socket write, JSON.parse) counts for the code that called it.
  const callerPlace = (id: number): string | null => {
    for (let current = parents.get(id); current !== undefined; current = parents.get(current)) {
      const frame = nodes.get(current)!.callFrame;
      if (frame.url !== '') return placeOf(frame.url, frame.functionName);
    }
    return null;
  };
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (options.windows && !options.windows.some((window) => at >= window.from && at <= window.to)) return;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += delta;
    const native = node.callFrame.url === '' && !node.callFrame.functionName.startsWith('(');
    const place = (native ? callerPlace(node.id) : null) ?? placeOf(node.callFrame.url, node.callFrame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + delta);
    const name = `${node.callFrame.functionName || '(anonymous)'} (${native ? `native, from ${place}` : `${place}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  });
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, micros]) => ({ where, share: busy > 0 ? micros / busy : 0 }));
  return { busyMs: busy / 1000, byPlace: ranked(byPlace), byFunction: ranked(byFunction) };
}
