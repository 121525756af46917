/**
 * The load benchmark (issues 7 and 23), the graph measured as deployed: every stand-in, subgraph
 * and gateway in a process of its own, started from dist/ with plain node as production starts
 * it (bench/deployed/). Every scenario against every contender at legacy latency 0 ms (pure
 * overhead) and 20 ms ± 5 ms (realistic), reported as ratios to contender 1; the company profile's
 * growth with its shareholders; an old commit's 1,000-shareholder page in the same run; the
 * hostile neighbour; a CPU profile of contender 1; the access log's appends. /proc tells each
 * piece's CPU time and peak memory apart; autocannon drives from this process.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { CONTENDERS, type ContenderContext, type RunningContender } from './contenders/index.js';
import { prepareBuild } from './deployed/prepareBuild.js';
import { startDeployedBackend } from './deployed/startDeployedBackend.js';
import { compareAnswers, legacyAdmin, type LegacyAdmin } from './legacyAdmin.js';
import { measureAccessLogAppends, type AppendCell } from './measureAccessLogAppends.js';
import { measureCell, piecesUsedBy, type Measurement } from './measureCell.js';
import type { HostileFigures } from './measureHostileNeighbour.js';
import { measureOldCommit, type OldCommitFigures } from './measureOldCommit.js';
import { profileOurGateway, summariseRunProfiles, type PieceProfile } from './profileOurGateway.js';
import { runHostileNeighbour } from './runHostileNeighbour.js';
import { growthScenarios, portalScenarios } from './scenarios/index.js';
import { LATENCIES, monotonicMicros, type LoadBenchmarkSettings } from './loadSettings.js';
import type { ProfileSummary } from './summariseCpuProfile.js';

export type { Measurement } from './measureCell.js';
export { LATENCIES, OLD_COMMIT, settingsFor, type LoadBenchmarkSettings, type Mode } from './loadSettings.js';

export interface Cell extends Measurement {
  latency: string;
  scenario: string;
  contender: number;
}

export interface GrowthRow extends Measurement {
  shareholders: number;
  contender: number;
}

export interface LoadBenchmarkResults {
  settings: LoadBenchmarkSettings;
  machine: { cores: number; cpu: string; node: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  startedAt: string;
  elapsedSeconds: number;
  /** Where the pieces were started from. */
  build: string;
  contenders: Array<{ id: number; name: string }>;
  cells: Cell[];
  growth: GrowthRow[];
  /** Differences between a contender's answer and contender 1's (none expected). */
  answerDifferences: string[];
  /** Whether each window's peak memory is its own (else: since the process started). */
  peakMemoryPerWindow: boolean;
  profile: ProfileSummary | null;
  oldCommit: OldCommitFigures | null;
  hostile: HostileFigures | null;
  appends: { cells: AppendCell[]; skipped: string[] } | null;
  /** The pieces run under --cpu-prof (settings.cpuProf), each summarised. */
  pieceProfiles: PieceProfile[];
}

const PROFILE_FOLDER = new URL('./profiles/', import.meta.url).pathname;

export async function runLoadBenchmark(
  settings: LoadBenchmarkSettings,
  log: (line: string) => void = () => {},
): Promise<LoadBenchmarkResults> {
  const startedAt = new Date();
  const loadAverageBefore = os.loadavg();
  const { build, dispose } = await prepareBuild(settings.from, log);
  const cpuProfDir = join(PROFILE_FOLDER, `pieces-${Date.now()}`);
  const execArgvFor = (name: string) =>
    settings.cpuProf.includes(name) ? (mkdirSync(cpuProfDir, { recursive: true }), cpuProfArgs(cpuProfDir, name)) : [];
  const backend = await startDeployedBackend(build, { open: true, log, execArgvFor }).catch((error: unknown) => {
    dispose();
    throw error;
  });
  const windows: Array<{ from: number; to: number }> = [];
  try {
    const context: ContenderContext = {
      backend,
      supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
    };
    const legacy = legacyAdmin(backend.legacy);
    const measured = await measureContenders(settings, context, legacy, windows, execArgvFor, log);
    const profile = settings.profile ? await profileOurGateway(context, legacy, settings, log) : null;
    const hostile =
      settings.hostileSeconds === null ? null : await runHostileNeighbour(backend, settings.hostileSeconds, log);
    const oldCommit = settings.oldCommit
      ? await measureOldCommit(settings.oldCommit, { backend, legacy, settings, log })
      : null;
    await backend.stop();
    const pieceProfiles = settings.cpuProf.length > 0 ? summariseRunProfiles(cpuProfDir, windows) : [];
    const appends = settings.appends ? await measureAccessLogAppends({ ...settings.appends, log }) : null;
    return {
      settings,
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        loadAverageBefore,
        loadAverageAfter: os.loadavg(),
      },
      startedAt: startedAt.toISOString(),
      elapsedSeconds: (Date.now() - startedAt.getTime()) / 1000,
      build: build.label,
      ...measured,
      profile,
      oldCommit,
      hostile,
      appends,
      pieceProfiles,
    };
  } finally {
    await backend.stop();
    dispose();
  }
}

function cpuProfArgs(folder: string, name: string): string[] {
  return ['--cpu-prof', '--cpu-prof-dir', folder, '--cpu-prof-name', `${name.replace(/\s+/g, '-')}.cpuprofile`];
}

/** The matrix (every scenario × latency × contender) and the growth rows, with every contender started once. */
async function measureContenders(
  settings: LoadBenchmarkSettings,
  context: ContenderContext,
  legacy: LegacyAdmin,
  windows: Array<{ from: number; to: number }>,
  execArgvFor: (name: string) => string[],
  log: (line: string) => void,
) {
  const dataSet = loadDataSet();
  const scenarios = portalScenarios(dataSet).filter((scenario) => settings.scenarios.includes(scenario.key));
  const contenders = CONTENDERS.filter((contender) => contender.id === 1 || settings.contenders.includes(contender.id));
  const running = new Map<number, RunningContender>();
  let peakMemoryPerWindow = true;
  try {
    for (const contender of contenders) {
      log(`starting contender ${contender.id}: ${contender.name}`);
      const execArgv = contender.id === 1 ? execArgvFor('gateway') : [];
      running.set(contender.id, await contender.start({ ...context, execArgv }));
    }
    const answerDifferences = await compareAnswers(scenarios, running);
    for (const difference of answerDifferences) log(`answers differ: ${difference}`);
    const measure = async (id: number, scenario: (typeof scenarios)[number], latency: (typeof LATENCIES)[number]) => {
      const contender = running.get(id)!;
      const from = monotonicMicros();
      const { peakMemoryReset, ...measurement } = await measureCell(
        {
          pid: contender.pid,
          request: await contender.requestFor(scenario),
          pieces: piecesUsedBy(id, context.backend.pieces),
        },
        { legacy, latency, ...settings },
      );
      windows.push({ from, to: monotonicMicros() });
      peakMemoryPerWindow &&= peakMemoryReset;
      return measurement;
    };
    const cells: Cell[] = [];
    for (const latency of LATENCIES.filter((entry) => settings.latencies.includes(entry.latencyMs)))
      for (const scenario of scenarios)
        for (const contender of contenders) {
          const cell = { latency: latency.name, scenario: scenario.name, contender: contender.id };
          cells.push({ ...cell, ...(await measure(contender.id, scenario, latency)) });
          log(describeMeasurement(`${latency.name} | ${scenario.name} | ${contender.id}`, cells.at(-1)!));
        }
    const growth: GrowthRow[] = [];
    // Our gateway with the protections on and off: what grows with the answer, and where.
    for (const contender of contenders.filter((entry) => entry.id <= 2))
      for (const { shareholders, scenario } of growthScenarios(dataSet, settings.growthSizes)) {
        growth.push({
          shareholders,
          contender: contender.id,
          ...(await measure(contender.id, scenario, LATENCIES[0])),
        });
        log(describeMeasurement(`growth ${shareholders}, contender ${contender.id}`, growth.at(-1)!));
      }
    return {
      contenders: contenders.map((contender) => ({ id: contender.id, name: contender.name })),
      cells,
      growth,
      answerDifferences,
      peakMemoryPerWindow,
    };
  } finally {
    await Promise.allSettled([...running.values()].map((contender) => contender.stop()));
  }
}

export function describeMeasurement(where: string, cell: Measurement): string {
  return (
    `${where}: ${cell.requestsPerSecond.toFixed(1)} req/s, p50 ${cell.p50Ms} ms, p99 ${cell.p99Ms} ms, ` +
    `${cell.cpuMsPerRequest.toFixed(2)} CPU ms/req (back end ${cell.backendCpuMsPerRequest.toFixed(2)}), ` +
    `${cell.peakMemoryMb.toFixed(0)} MB, ${cell.legacyCallsPerRequest.total} legacy calls/req${cell.failed ? `, ${cell.failed} FAILED` : ''}`
  );
}
