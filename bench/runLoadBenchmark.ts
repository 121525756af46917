/**
 * The load benchmark of issue 7: every scenario against every contender, at legacy latency 0 ms
 * (pure overhead) and 20 ms ± 5 ms (realistic), in one run on one machine, reported as ratios to
 * contender 1; then the company profile's growth with its shareholders, and a CPU profile of
 * contender 1 under load. Each contender and the back end run in processes of their own, so
 * /proc tells each gateway's CPU time and peak memory apart; autocannon drives from this process.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import type { StatsSnapshot } from '../legacy-mocks/common/index.js';
import type { CallerClaims } from '../test/harness.js';
import { CONTENDERS, type ContenderContext, type LoadRequest, type RunningContender } from './contenders/index.js';
import { ourGateway } from './contenders/ourGateway.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { forkBenchProcess } from './forkBenchProcess.js';
import type { LoadScenario } from './LoadScenario.js';
import { LEGACY_DEPARTMENT_NAMES, type LegacyDepartment } from '../registry/departments.js';
import type { BackendAddresses } from './processes/BackendAddresses.js';
import { cpuMilliseconds, peakMemoryBytes, resetPeakMemory } from './readProcessUsage.js';
import { growthScenarios, portalScenarios } from './scenarios/index.js';
import { summariseCpuProfile, type ProfileSummary } from './summariseCpuProfile.js';

export type Mode = 'full' | 'quick' | 'smoke';

/** Legacy latency settings: what every legacy call waits before it is answered. */
export const LATENCIES = [
  { name: '0 ms', latencyMs: 0, jitterMs: 0 },
  { name: '20 ms ± 5 ms', latencyMs: 20, jitterMs: 5 },
] as const;

export interface LoadBenchmarkSettings {
  mode: Mode;
  connections: number;
  warmUpSeconds: number;
  windowSeconds: number;
  /** Contender ids to measure (1 is always among them: the ratios are to it). */
  contenders: number[];
  /** Scenario keys to measure. */
  scenarios: string[];
  latencies: number[];
  growth: boolean;
  profile: boolean;
}

/** Full: the whole matrix within 10 minutes on 2 cores. Quick: the same, short windows. Smoke: for the test. */
export function settingsFor(mode: Mode): LoadBenchmarkSettings {
  const all = {
    contenders: [1, 2, 3, 4, 5, 6],
    scenarios: ['citizen-dashboard', 'company-profile', 'company-search'],
    latencies: [0, 20],
  };
  if (mode === 'full')
    return { mode, connections: 10, warmUpSeconds: 1.5, windowSeconds: 7, ...all, growth: true, profile: true };
  if (mode === 'quick')
    return { mode, connections: 10, warmUpSeconds: 1, windowSeconds: 2, ...all, growth: true, profile: true };
  return {
    mode,
    connections: 4,
    warmUpSeconds: 1,
    windowSeconds: 1,
    contenders: [1, 3],
    scenarios: ['company-profile'],
    latencies: [0],
    growth: true,
    profile: false,
  };
}

/** Legacy calls per request, by department (registry/departments.ts) and in total. */
export type LegacyCalls = Record<LegacyDepartment, number> & { total: number };

export interface Measurement extends LoadFigures {
  cpuMsPerRequest: number;
  /** The back end's (subgraphs and legacy mocks) CPU per answer: where the rest of a request's work is. */
  backendCpuMsPerRequest: number;
  peakMemoryMb: number;
  /** Counted by the legacy systems over PROBE_REQUESTS sequential requests of the named fixture after the window. */
  legacyCallsPerRequest: LegacyCalls;
  /**
   * All legacy calls during the window per answer, all subjects mixed (so it differs from the
   * probe by the subjects' own needs, and by the requests still in flight when the window closed).
   */
  legacyCallsUnderLoad: number;
}

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
  contenders: Array<{ id: number; name: string }>;
  cells: Cell[];
  growth: GrowthRow[];
  /** Differences between a contender's answer and contender 1's (none expected). */
  answerDifferences: string[];
  /** Whether each window's peak memory is its own (else: since the process started). */
  peakMemoryPerWindow: boolean;
  profile: ProfileSummary | null;
}

/** Sequential requests after each window whose legacy calls are counted (exact, unlike a window's tail). */
const PROBE_REQUESTS = 3;
/** Subjects of each scenario whose answers are compared across contenders before measuring. */
const ANSWERS_COMPARED = 3;
/** How long the legacy call counters must stand still before a probe (longer than a 20 ms call's jitter). */
const SETTLE_MS = 150;
const ISSUER = 'city-graph-bench-issuer';
const AUDIENCE = 'city-graph';
const PROFILE_FOLDER = new URL('./profiles/', import.meta.url);

export async function runLoadBenchmark(
  settings: LoadBenchmarkSettings,
  log: (line: string) => void = () => {},
): Promise<LoadBenchmarkResults> {
  const startedAt = new Date();
  const loadAverageBefore = os.loadavg();
  const dataSet = loadDataSet();
  const scenarios = portalScenarios(dataSet).filter((scenario) => settings.scenarios.includes(scenario.key));
  const contenders = CONTENDERS.filter((contender) => contender.id === 1 || settings.contenders.includes(contender.id));
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const gatewayKeys = await generateKeyPair('ES256', { extractable: true });
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (claims: CallerClaims) => {
    const key = `${claims.kind}:${claims.sub}`;
    if (!tokens.has(key)) {
      tokens.set(
        key,
        new SignJWT({ kind: claims.kind, roles: claims.roles ?? [] })
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject(claims.sub)
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setIssuedAt()
          // The longest a portal token may live (gateway/auth.ts); the full benchmark takes under 10 minutes.
          .setExpirationTime('1h')
          .sign(issuer.privateKey),
      );
    }
    return tokens.get(key)!;
  };

  log('starting the back end (legacy systems, guarded and open subgraphs)');
  const backend = await forkBenchProcess<BackendAddresses>('backendProcess.ts', {
    env: { BENCH_BACKEND: JSON.stringify({ gatewayPublicJwk: await exportJWK(gatewayKeys.publicKey) }) },
  });
  const running = new Map<number, RunningContender>();
  try {
    const context: ContenderContext = {
      backend: backend.ready,
      supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
      identity: {
        issuer: ISSUER,
        audience: AUDIENCE,
        issuerPublicJwk: await exportJWK(issuer.publicKey),
        gatewayPrivateJwk: await exportJWK(gatewayKeys.privateKey),
      },
      tokenFor,
    };
    const legacy = legacyAdmin(backend.ready);
    for (const contender of contenders) {
      log(`starting contender ${contender.id}: ${contender.name}`);
      running.set(contender.id, await contender.start(context));
    }
    const answerDifferences = await compareAnswers(scenarios, running);
    for (const difference of answerDifferences) log(`answers differ: ${difference}`);

    let peakMemoryPerWindow = true;
    const measure = async (
      process: RunningContender,
      scenario: LoadScenario,
      latency: (typeof LATENCIES)[number],
    ): Promise<Measurement> => {
      const request = await process.requestFor(scenario);
      await legacy.reset(latency);
      await driveLoad(request, { connections: settings.connections, seconds: settings.warmUpSeconds });
      peakMemoryPerWindow = resetPeakMemory(process.pid) && peakMemoryPerWindow;
      await legacy.settle();
      await legacy.reset(latency);
      const cpuBefore = cpuMilliseconds(process.pid);
      const backendCpuBefore = cpuMilliseconds(backend.pid);
      const figures = await driveLoad(request, { connections: settings.connections, seconds: settings.windowSeconds });
      const cpuMs = cpuMilliseconds(process.pid) - cpuBefore;
      const backendCpuMs = cpuMilliseconds(backend.pid) - backendCpuBefore;
      const peakMemoryMb = peakMemoryBytes(process.pid) / 1024 / 1024;
      const windowCalls = Object.values(await legacy.calls()).reduce((sum, calls) => sum + calls, 0);
      const perAnswer = (ms: number) => (figures.answered > 0 ? ms / figures.answered : Number.NaN);
      return {
        ...figures,
        cpuMsPerRequest: perAnswer(cpuMs),
        backendCpuMsPerRequest: perAnswer(backendCpuMs),
        peakMemoryMb,
        legacyCallsUnderLoad: perAnswer(windowCalls),
        legacyCallsPerRequest: await probeLegacyCalls(request, legacy, latency),
      };
    };

    const cells: Cell[] = [];
    for (const latency of LATENCIES.filter((entry) => settings.latencies.includes(entry.latencyMs))) {
      for (const scenario of scenarios) {
        for (const contender of contenders) {
          const cell = {
            latency: latency.name,
            scenario: scenario.name,
            contender: contender.id,
            ...(await measure(running.get(contender.id)!, scenario, latency)),
          };
          cells.push(cell);
          log(
            `${latency.name} | ${scenario.name} | ${contender.id}: ${cell.requestsPerSecond.toFixed(1)} req/s, p50 ${cell.p50Ms} ms, p99 ${cell.p99Ms} ms, ${cell.cpuMsPerRequest.toFixed(2)} CPU ms/req (back end ${cell.backendCpuMsPerRequest.toFixed(2)}), ${cell.peakMemoryMb.toFixed(0)} MB, ${cell.legacyCallsPerRequest.total} legacy calls/req${cell.failed ? `, ${cell.failed} FAILED` : ''}`,
          );
        }
      }
    }

    const growth: GrowthRow[] = [];
    if (settings.growth) {
      // Our gateway with the protections on and off: what grows with the answer, and where.
      for (const contender of contenders.filter((entry) => entry.id <= 2)) {
        for (const { shareholders, scenario } of growthScenarios(dataSet)) {
          const row = {
            shareholders,
            contender: contender.id,
            ...(await measure(running.get(contender.id)!, scenario, LATENCIES[0])),
          };
          growth.push(row);
          log(
            `growth ${shareholders}, contender ${contender.id}: ${row.requestsPerSecond.toFixed(1)} req/s, p50 ${row.p50Ms} ms, ${row.cpuMsPerRequest.toFixed(2)} CPU ms/req, ${row.legacyCallsPerRequest.total} legacy calls/req`,
          );
        }
      }
    }

    for (const process of running.values()) await process.stop();
    running.clear();
    const profile = settings.profile ? await profileOurGateway(context, scenarios, legacy, settings, log) : null;
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
      contenders: contenders.map((contender) => ({ id: contender.id, name: contender.name })),
      cells,
      growth,
      answerDifferences,
      peakMemoryPerWindow,
      profile,
    };
  } finally {
    await Promise.allSettled([...running.values()].map((process) => process.stop()));
    await backend.stop();
  }
}

/** Contender 1 again, alone, under `--cpu-prof`: each scenario at 0 ms for one window; only the windows' samples count. */
async function profileOurGateway(
  context: ContenderContext,
  scenarios: LoadScenario[],
  legacy: LegacyAdmin,
  settings: LoadBenchmarkSettings,
  log: (line: string) => void,
): Promise<ProfileSummary> {
  const folder = join(PROFILE_FOLDER.pathname, `run-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  log('profiling contender 1 under load (--cpu-prof)');
  const profiled = await ourGateway.start({ ...context, execArgv: ['--cpu-prof', '--cpu-prof-dir', folder] });
  const windows: Array<{ from: number; to: number }> = [];
  try {
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
  for (const old of readdirSync(PROFILE_FOLDER.pathname))
    if (old !== `run-${folder.split('run-')[1]}` && old.startsWith('run-'))
      rmSync(join(PROFILE_FOLDER.pathname, old), { recursive: true, force: true });
  return summary;
}

/** CLOCK_MONOTONIC in microseconds: the clock of V8's CPU profile timestamps on Linux. */
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

type LegacyAdmin = ReturnType<typeof legacyAdmin>;

function legacyAdmin(backend: BackendAddresses) {
  const departments = LEGACY_DEPARTMENT_NAMES.map((name) => [name, backend.legacy[name]] as const);
  return {
    /** Zeroes the counters, then sets the latency (a reset clears the faults too). */
    async reset(latency: { latencyMs: number; jitterMs: number }) {
      await Promise.all(
        departments.map(async ([, url]) => {
          await expectOk(await fetch(`${url}/__admin/reset`, { method: 'POST' }));
          await expectOk(
            await fetch(`${url}/__admin/faults`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ latencyMs: latency.latencyMs, jitterMs: latency.jitterMs }),
            }),
          );
        }),
      );
    },
    /** Waits until the requests still in flight when a window closed have made their last legacy call. */
    async settle() {
      let last = -1;
      for (let round = 0; round < 50; round++) {
        const calls = await this.calls();
        const total = sumOf(calls);
        if (total === last) return;
        last = total;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
    },
    async calls(): Promise<Record<LegacyDepartment, number>> {
      const entries = await Promise.all(
        departments.map(
          async ([name, url]) =>
            [name, ((await (await fetch(`${url}/__admin/stats`)).json()) as StatsSnapshot).total] as const,
        ),
      );
      return Object.fromEntries(entries) as Record<LegacyDepartment, number>;
    },
  };
}

async function expectOk(response: Response): Promise<void> {
  if (!response.ok) throw new Error(`legacy admin: HTTP ${response.status}`);
  await response.arrayBuffer();
}

/** One request, by default of the first subject (the named fixture). */
async function send(
  request: LoadRequest,
  subject = 0,
): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const variant = request.variants[subject]!;
  const response = await fetch(request.url, { method: request.method, headers: variant.headers, body: variant.body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

async function probeLegacyCalls(
  request: LoadRequest,
  legacy: LegacyAdmin,
  latency: { latencyMs: number; jitterMs: number },
): Promise<LegacyCalls> {
  await legacy.settle();
  await legacy.reset(latency);
  for (let index = 0; index < PROBE_REQUESTS; index++) await send(request);
  const calls = await legacy.calls();
  const per = (value: number) => value / PROBE_REQUESTS;
  const byDepartment = Object.fromEntries(LEGACY_DEPARTMENT_NAMES.map((name) => [name, per(calls[name])])) as Record<
    LegacyDepartment,
    number
  >;
  return { ...byDepartment, total: per(sumOf(calls)) };
}

function sumOf(calls: Record<LegacyDepartment, number>): number {
  return LEGACY_DEPARTMENT_NAMES.reduce((total, name) => total + calls[name], 0);
}

/**
 * Every contender must give the same answer as contender 1 (the root field's value, so that
 * `me` and `person(id:)` compare), without errors: otherwise the figures compare different work.
 */
async function compareAnswers(scenarios: LoadScenario[], running: Map<number, RunningContender>): Promise<string[]> {
  const differences: string[] = [];
  for (const scenario of scenarios) {
    const requests = new Map<number, LoadRequest>();
    for (const [id, process] of running) requests.set(id, await process.requestFor(scenario));
    for (let subject = 0; subject < Math.min(ANSWERS_COMPARED, scenario.subjects.length); subject++) {
      let reference: string | null = null;
      for (const [id, request] of requests) {
        const { status, body } = await send(request, subject);
        const where = `${scenario.name} (subject ${subject + 1}), contender ${id}`;
        if (status !== 200 || body.errors) {
          differences.push(
            `${where}: HTTP ${status}${body.errors ? `, errors ${JSON.stringify(body.errors).slice(0, 200)}` : ''}`,
          );
          continue;
        }
        const answer = canonicalJson(Object.values((body.data ?? {}) as Record<string, unknown>)[0]);
        if (reference === null) reference = answer;
        else if (answer !== reference) differences.push(`${where}: the data differs from contender 1's`);
      }
    }
  }
  return differences;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
