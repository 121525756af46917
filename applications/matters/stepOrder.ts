import type { MatterStep } from './Matter.js';

/**
 * A cycle in the steps' `after:` lists, as the step names around it (first repeated last), or
 * null. Unknown names are the checker's to report; here they are ignored.
 */
export function findStepCycle(steps: Readonly<Record<string, MatterStep>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (name: string): string[] | null => {
    if (state.get(name) === 'done' || !steps[name]) return null;
    if (state.get(name) === 'open') return [...trail.slice(trail.indexOf(name)), name];
    state.set(name, 'open');
    trail.push(name);
    for (const before of steps[name]!.after ?? []) {
      const cycle = visit(before);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(name, 'done');
    return null;
  };
  for (const name of Object.keys(steps)) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * The steps in waves: each wave's steps depend only on earlier waves, so a wave runs in parallel.
 * Order within a wave is the file's, so the engine starts them in the same order on every replay.
 */
export function stepWaves(steps: Readonly<Record<string, MatterStep>>): string[][] {
  const placed = new Set<string>();
  const waves: string[][] = [];
  const names = Object.keys(steps);
  while (placed.size < names.length) {
    const wave = names.filter((name) => !placed.has(name) && (steps[name]!.after ?? []).every((b) => placed.has(b)));
    if (wave.length === 0)
      throw new Error(`The steps' after: lists form a cycle: ${findStepCycle(steps)?.join(' → ')}`);
    wave.forEach((name) => placed.add(name));
    waves.push(wave);
  }
  return waves;
}

/** Every step `name` waits for, directly or through others. */
export function stepsBefore(steps: Readonly<Record<string, MatterStep>>, name: string): Set<string> {
  const seen = new Set<string>();
  const walk = (step: string) => {
    for (const before of steps[step]?.after ?? []) {
      if (seen.has(before)) continue;
      seen.add(before);
      walk(before);
    }
  };
  walk(name);
  return seen;
}
