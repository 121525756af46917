/** What a run of the load benchmark measures, by mode (bench/runLoadBenchmark.ts). */
import type { BuildSource } from './deployed/prepareBuild.js';

export type Mode = 'full' | 'quick' | 'smoke';

/** Legacy latency settings: what every legacy call waits before it is answered. */
export const LATENCIES = [
  { name: '0 ms', latencyMs: 0, jitterMs: 0 },
  { name: '20 ms ± 5 ms', latencyMs: 20, jitterMs: 5 },
] as const;

/** This session's start (issue 23): its 1,000-shareholder page is built and measured in the same run. */
export const OLD_COMMIT = '5fa6311';

export interface LoadBenchmarkSettings {
  mode: Mode;
  /** dist/ (built first when stale), HEAD built aside, or the sources through tsx (smoke: no compile in a unit test). */
  from: BuildSource;
  connections: number;
  warmUpSeconds: number;
  windowSeconds: number;
  /** Contender ids to measure (1 is always among them: the ratios are to it). */
  contenders: number[];
  /** Scenario keys to measure. */
  scenarios: string[];
  latencies: number[];
  /** Shareholders of the growth measurement's companies (1, 10, 100, 1,000); empty: none. */
  growthSizes: number[];
  profile: boolean;
  /** Seconds per window of the hostile neighbour; null: not measured. */
  hostileSeconds: number | null;
  /** The commit whose 1,000-shareholder page is measured beside today's; null: not measured. */
  oldCommit: string | null;
  /** The access log's appends (writer counts and appends per cell); null: not measured. */
  appends: { writerCounts: number[]; appendsPerCell: number } | null;
  /** Pieces run under --cpu-prof for the whole run (e.g. "gateway", "subgraph market"), summarised over the measured windows. */
  cpuProf: string[];
}

/** Full: the whole run within ~15 minutes on 2 cores. Quick: the same, short windows. Smoke: for the test. */
export function settingsFor(mode: Mode): LoadBenchmarkSettings {
  const all = {
    from: 'dist' as BuildSource,
    contenders: [1, 2, 3, 4, 5],
    scenarios: ['citizen-dashboard', 'company-profile', 'company-search'],
    latencies: [0, 20],
    growthSizes: [1, 10, 100, 1000],
    profile: true,
    oldCommit: OLD_COMMIT,
    cpuProf: [],
  };
  if (mode === 'full')
    return {
      mode,
      ...all,
      connections: 10,
      warmUpSeconds: 1.5,
      windowSeconds: 7,
      hostileSeconds: 15,
      appends: { writerCounts: [1, 4], appendsPerCell: 4_800 },
    };
  if (mode === 'quick')
    return {
      mode,
      ...all,
      connections: 10,
      warmUpSeconds: 1,
      windowSeconds: 2,
      hostileSeconds: 4,
      appends: { writerCounts: [1, 4], appendsPerCell: 480 },
    };
  return {
    mode,
    from: 'sources',
    connections: 4,
    warmUpSeconds: 1,
    windowSeconds: 1,
    contenders: [1, 3],
    scenarios: ['company-profile'],
    latencies: [0],
    growthSizes: [1, 1000],
    profile: false,
    hostileSeconds: null,
    oldCommit: null,
    appends: null,
    cpuProf: [],
  };
}

/** CLOCK_MONOTONIC in microseconds: the clock of V8's CPU profile timestamps on Linux. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
