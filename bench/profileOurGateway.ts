import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ContenderContext } from './contenders/index.js';
import { ourGateway } from './contenders/ourGateway.js';
import { driveLoad } from './driveLoad.js';
import type { LegacyAdmin } from './legacyAdmin.js';
import { portalScenarios } from './scenarios/index.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { LATENCIES, monotonicMicros, type LoadBenchmarkSettings } from './loadSettings.js';
import { summariseCpuProfile, type ProfileSummary } from './summariseCpuProfile.js';

const PROFILE_FOLDER = new URL('./profiles/', import.meta.url).pathname;

/** A piece run under --cpu-prof for the whole benchmark (`-- --cpu-prof=<piece>`), summarised over the measured windows. */
export interface PieceProfile {
  piece: string;
  file: string;
  summary: ProfileSummary;
}

/**
 * Contender 1 again, alone, under `--cpu-prof` (the built gateway's main, as deployed): each
 * scenario at 0 ms for one window; only the windows' samples count. Keeps the newest run's
 * profile in bench/profiles/ (never committed).
 */
export async function profileOurGateway(
  context: ContenderContext,
  legacy: LegacyAdmin,
  settings: LoadBenchmarkSettings,
  log: (line: string) => void,
): Promise<ProfileSummary> {
  const folder = join(PROFILE_FOLDER, `run-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  log('profiling contender 1 under load (--cpu-prof)');
  const profiled = await ourGateway.start({ ...context, execArgv: ['--cpu-prof', '--cpu-prof-dir', folder] });
  const windows: Array<{ from: number; to: number }> = [];
  try {
    const scenarios = portalScenarios(loadDataSet()).filter((scenario) => settings.scenarios.includes(scenario.key));
    for (const scenario of scenarios) {
      const request = await profiled.requestFor(scenario);
      await legacy.reset(LATENCIES[0]);
      await driveLoad(request, { connections: settings.connections, seconds: settings.warmUpSeconds });
      const from = monotonicMicros();
      await driveLoad(request, { connections: settings.connections, seconds: settings.windowSeconds });
      windows.push({ from, to: monotonicMicros() });
    }
  } finally {
    await profiled.stop();
  }
  const file = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written to ${folder}`);
  const summary = summariseCpuProfile(join(folder, file), { windows });
  // Keep only the newest run's profile: they are large and never committed.
  for (const old of readdirSync(PROFILE_FOLDER))
    if (old.startsWith('run-') && join(PROFILE_FOLDER, old) !== folder)
      rmSync(join(PROFILE_FOLDER, old), { recursive: true, force: true });
  return summary;
}

/** Each profile the pieces under `--cpu-prof` wrote into `folder` when they stopped, over the measured windows only. */
export function summariseRunProfiles(folder: string, windows: Array<{ from: number; to: number }>): PieceProfile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({
      piece: name.replace(/\.cpuprofile$/, '').replace(/-/g, ' '),
      file: join(folder, name),
      summary: summariseCpuProfile(join(folder, name), { windows }),
    }));
}
