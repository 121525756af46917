/**
 * Where the pieces' memory goes, measured as deployed: `npx tsx bench/memoryProfile.ts`.
 *
 * Starts the graph from dist/ as the load benchmark does (bench/deployed: each stand-in, subgraph
 * and the gateway a process of its own, `node dist/…/main.js`), each piece with a bench-only
 * preload (bench/processes/memoryProbe.mjs) that reports, on request, the piece's own
 * process.memoryUsage(), V8's heap spaces and, when asked, a heap snapshot. Two passes per variant:
 *
 * - measuring: every piece's memory at idle, its peak (VmHWM, reset before each scenario) under
 *   each scenario (the citizen dashboard, the company profile, and the profile of the company with
 *   1,000 shareholders, a page of 100: the load benchmark's largest answer), and its memory after
 *   the load. Nothing in this pass collects garbage or writes a snapshot, since either moves the figures.
 * - snapshots: the graph started again; the gateway's and the market subgraph's heap at idle and
 *   after the same load, each after a full collection, summarised (self size by constructor, the
 *   largest retainers of the dominator tree).
 *
 *   --requests=300            requests per scenario, from 10 connections
 *   --snapshot=gateway,subgraph-market   pieces to snapshot, in the first variant of the build measured
 *                             (hyphens for spaces; "none" skips the pass)
 *   --variant=name:flags      measure once per variant, every piece started with these extra node
 *                             flags, one after the other in this run (`--variant=default: --variant=semi4:--max-semi-space-size=4`)
 *   --compare=<commit>        also measure that commit (the first variant only), built aside
 *                             (bench/deployed/prepareBuild.ts), first
 *   --build=head              measure HEAD built aside instead of dist/
 *
 * Writes bench/profiles/memory-<time>.md (not committed) and prints it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { buildCommit, prepareBuild } from './deployed/prepareBuild.js';
import type { PieceBuild } from './deployed/PieceBuild.js';
import { startDeployedBackend, type DeployedBackend } from './deployed/startDeployedBackend.js';
import { startGatewayPiece } from './deployed/startGatewayPiece.js';
import type { Piece } from './deployed/startPiece.js';
import type { LoadScenario } from './LoadScenario.js';
import { legacyAdmin } from './legacyAdmin.js';
import { LATENCIES } from './loadSettings.js';
import { cpuMilliseconds, peakMemoryBytes, resetPeakMemory } from './readProcessUsage.js';
import { growthScenarios, portalScenarios } from './scenarios/index.js';
import { summariseHeapSnapshot, type HeapSummary } from './summariseHeapSnapshot.js';

const PROBE = new URL('./processes/memoryProbe.mjs', import.meta.url).pathname;
// The probe finds its folder by its parent's pid (a piece's environment holds only its settings).
const PROBE_FOLDER = join('/tmp', `memory-probe-${process.pid}`);
const PROFILES = new URL('./profiles/', import.meta.url).pathname;
const CONNECTIONS = 10;
const PROBE_TIMEOUT_MS = 120_000;
/** Time for a started graph to finish what it does at start (schema checks, first timers) before idle is read. */
const SETTLE_MS = 3_000;

interface MemorySample {
  memoryUsage: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  vmRss: number;
  vmHwm: number;
  rssAnon: number;
  rssFile: number;
  threads: number;
  heapSpaces: Array<{ name: string; size: number; used: number; physical: number }>;
}

interface PieceMemory {
  piece: string;
  idle: MemorySample;
  /** VmHWM under each scenario, by scenario name. */
  peaks: Record<string, number>;
  afterLoad: MemorySample;
}

interface Throughput {
  scenario: string;
  /** CPU ms (user + system) per answer: the gateway's, and the four subgraphs' together. */
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
  answered: number;
  requestsPerSecond: number;
  p99Ms: number;
  failed: number;
}

interface SnapshotReading {
  piece: string;
  phase: 'idle' | 'after load';
  retainedHeapBytes: number;
  summary: HeapSummary;
}

interface VariantResult {
  variant: string;
  build: string;
  memory: PieceMemory[];
  throughput: Throughput[];
  snapshots: SnapshotReading[];
}

const args = process.argv.slice(2);
const option = (name: string) =>
  args.filter((arg) => arg.startsWith(`--${name}=`)).map((arg) => arg.slice(name.length + 3));
const requests = Number(option('requests')[0] ?? 300);
const snapshotted = new Set(
  (option('snapshot')[0] ?? 'gateway,subgraph-market').split(',').map((name) => name.replace(/-/g, ' ')),
);
const variants = (option('variant').length > 0 ? option('variant') : ['as deployed:']).map((text) => {
  const at = text.indexOf(':');
  return {
    name: text.slice(0, at),
    flags: text
      .slice(at + 1)
      .split(/\s+/)
      .filter(Boolean),
  };
});
const log = (line: string) => process.stderr.write(`[memory] ${line}\n`);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Asks the piece's probe for its memory (and a snapshot), after a full collection when `gc`. */
async function probe(piece: Piece, label: string, options: { gc: boolean; snapshot: boolean }) {
  const base = join(PROBE_FOLDER, `${piece.pid}-${label}`);
  writeFileSync(join(PROBE_FOLDER, `${piece.pid}.request`), JSON.stringify({ label, ...options }));
  process.kill(piece.pid, 'SIGUSR2');
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (!existsSync(`${base}.done`)) {
    if (Date.now() > deadline) throw new Error(`${piece.name} did not answer the memory probe`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { before, after } = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {
    before: MemorySample;
    after: MemorySample;
  };
  return { before, after, snapshotFile: options.snapshot ? `${base}.heapsnapshot` : null };
}

/** The graph as deployed with these flags on every piece, and the scenarios' requests to its gateway. */
async function startGraph(build: PieceBuild, flags: string[]) {
  const execArgv = ['--import', PROBE, '--expose-gc', ...flags];
  const backend = await startDeployedBackend(build, { open: false, log, execArgvFor: () => execArgv });
  try {
    const gateway = await startGatewayPiece(backend, { subgraphs: 'guarded', limits: 'lifted', execArgv });
    const pieces = [gateway, ...backend.pieces.filter((piece) => piece.kind === 'subgraph')];
    return { backend, gateway, pieces };
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

function scenarios(): LoadScenario[] {
  const dataSet = loadDataSet();
  const [dashboard, profile] = portalScenarios(dataSet);
  const [largest] = growthScenarios(dataSet, [1000]);
  return [dashboard!, profile!, largest!.scenario];
}

async function drive(url: string, scenario: LoadScenario, tokenFor: DeployedBackend['tokenFor']) {
  const request = await graphqlRequest(url, scenario, { document: 'portal', tokenFor });
  let next = 0;
  const result = await autocannon({
    url: request.url,
    method: 'POST',
    requests: [
      {
        setupRequest: (raw) => {
          const subject = request.variants[next++ % request.variants.length]!;
          return { ...raw, method: 'POST', headers: subject.headers, body: subject.body };
        },
      },
    ],
    connections: CONNECTIONS,
    amount: requests,
    timeout: 30,
  });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    scenario: scenario.name,
    answered: result['2xx'],
    requestsPerSecond: result['2xx'] / seconds,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(
  build: PieceBuild,
  variant: { name: string; flags: string[] },
  withSnapshots: boolean,
): Promise<VariantResult> {
  log(`${variant.name} (${build.label}): measuring pass, flags ${variant.flags.join(' ') || '(none)'}`);
  const memory: PieceMemory[] = [];
  const throughput: Throughput[] = [];
  {
    const { backend, gateway, pieces } = await startGraph(build, variant.flags);
    try {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (const piece of pieces) {
        const { before } = await probe(piece, 'idle', { gc: false, snapshot: false });
        memory.push({ piece: piece.name, idle: before, peaks: {}, afterLoad: before });
      }
      await legacyAdmin(backend.legacy).reset(LATENCIES[0]);
      for (const scenario of scenarios()) {
        for (const piece of pieces) resetPeakMemory(piece.pid);
        const cpu = () => pieces.map((piece) => cpuMilliseconds(piece.pid));
        const cpuBefore = cpu();
        const figures = await drive(`${gateway.origin}/graphql`, scenario, backend.tokenFor);
        const used = cpu().map((ms, index) => (ms - cpuBefore[index]!) / Math.max(1, figures.answered));
        throughput.push({
          ...figures,
          gatewayCpuMs: used[0]!,
          subgraphsCpuMs: used.slice(1).reduce((sum, ms) => sum + ms, 0),
        });
        pieces.forEach((piece, index) => (memory[index]!.peaks[scenario.name] = peakMemoryBytes(piece.pid)));
      }
      for (const [index, piece] of pieces.entries())
        memory[index]!.afterLoad = (await probe(piece, 'after-load', { gc: false, snapshot: false })).before;
    } finally {
      await gateway.stop();
      await backend.stop();
    }
  }
  const snapshots: SnapshotReading[] = [];
  if (withSnapshots && !snapshotted.has('none')) {
    log(`${variant.name}: snapshot pass`);
    const files: Array<Omit<SnapshotReading, 'summary'> & { file: string }> = [];
    const { backend, gateway, pieces } = await startGraph(build, variant.flags);
    const chosen = pieces.filter((piece) => snapshotted.has(piece.name));
    try {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const take = async (phase: SnapshotReading['phase']) => {
        // One piece at a time: a snapshot is heavy, and the pieces share the cores.
        for (const piece of chosen) {
          const taken = await probe(piece, `${phase.replace(' ', '-')}-snapshot`, { gc: true, snapshot: true });
          const retainedHeapBytes = taken.after.memoryUsage.heapUsed;
          files.push({ piece: piece.name, phase, retainedHeapBytes, file: taken.snapshotFile! });
        }
      };
      await take('idle');
      await legacyAdmin(backend.legacy).reset(LATENCIES[0]);
      for (const scenario of scenarios()) await drive(`${gateway.origin}/graphql`, scenario, backend.tokenFor);
      await take('after load');
    } finally {
      await gateway.stop();
      await backend.stop();
    }
    for (const { file, ...reading } of files) {
      log(`summarising ${reading.piece}'s heap snapshot (${reading.phase})`);
      snapshots.push({ ...reading, summary: summariseHeapSnapshot(file, { top: 30 }) });
      rmSync(file, { force: true });
    }
  }
  return { variant: variant.name, build: build.label, memory, throughput, snapshots };
}

function render(results: VariantResult[]): string {
  const lines: string[] = [`# Memory, as deployed (${new Date().toISOString().slice(0, 16)} UTC)`, ''];
  const scenarioNames = results[0]?.throughput.map((row) => row.scenario) ?? [];
  lines.push(
    `\`npx tsx bench/memoryProfile.ts ${args.join(' ')}\`: ${requests} requests per scenario from ${CONNECTIONS} ` +
      'connections, legacy latency 0 ms, every piece from the build named. MB are MiB. Peaks are VmHWM, reset ' +
      'before each scenario; the other columns are the piece as it was at idle (3 s after start) and after the ' +
      'load, no collection forced ("V8 heap" is the physical size of all its spaces).',
    '',
    `| variant | piece | ${scenarioNames.map((name) => `peak: ${name}`).join(' | ')} | phase | RSS | file-backed | threads | V8 heap | heap used | new space | old space | code space | large objects | external |`,
    `|---|---|${scenarioNames.map(() => '---|').join('')}---|---|---|---|---|---|---|---|---|---|---|`,
  );
  for (const result of results)
    for (const piece of result.memory)
      for (const [phase, sample] of [
        ['idle', piece.idle],
        ['after load', piece.afterLoad],
      ] as const) {
        const space = (name: string) => sample.heapSpaces.find((entry) => entry.name === name)?.physical ?? 0;
        const heap = sample.heapSpaces.reduce((sum, entry) => sum + entry.physical, 0);
        const peaks = scenarioNames.map((name) => (phase === 'idle' ? mb(piece.peaks[name] ?? 0) : ''));
        lines.push(
          `| ${result.variant} | ${piece.piece} | ${peaks.join(' | ')} | ${phase} | ${mb(sample.vmRss)} | ${mb(sample.rssFile)} | ` +
            `${sample.threads} | ${mb(heap)} | ${mb(sample.memoryUsage.heapUsed)} | ${mb(space('new_space'))} | ` +
            `${mb(space('old_space'))} | ${mb(space('code_space'))} | ${mb(space('large_object_space'))} | ` +
            `${mb(sample.memoryUsage.external)} |`,
        );
      }
  lines.push(
    '',
    '| variant | scenario | answered | requests/s | p99 ms | gateway CPU ms per answer | subgraphs CPU ms per answer | failed |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const result of results)
    for (const row of result.throughput)
      lines.push(
        `| ${result.variant} | ${row.scenario} | ${row.answered} | ${row.requestsPerSecond.toFixed(0)} | ${row.p99Ms} | ` +
          `${row.gatewayCpuMs.toFixed(2)} | ${row.subgraphsCpuMs.toFixed(2)} | ${row.failed} |`,
      );
  for (const result of results)
    for (const reading of result.snapshots) {
      const { summary } = reading;
      lines.push(
        '',
        `## ${result.variant}: ${reading.piece}, ${reading.phase}: ${mb(reading.retainedHeapBytes)} MB of heap after a full collection; the snapshot: ${mb(summary.totalBytes)} MB in ${summary.nodes} objects`,
        '',
        '| group (self size) | count | MB |',
        '|---|---|---|',
        ...summary.byGroup.slice(0, 20).map((group) => `| ${group.group} | ${group.count} | ${mb(group.selfBytes)} |`),
        '',
        '| strings held by | count | MB |',
        '|---|---|---|',
        ...summary.stringsByHolder.map(
          (entry) => `| ${entry.holder.replace(/\|/g, '\\|').slice(0, 80)} | ${entry.count} | ${mb(entry.selfBytes)} |`,
        ),
        '',
        '| retainer (dominator tree) | reached as | retained MB | dominated by |',
        '|---|---|---|---|',
        ...summary.retainers.map(
          (retainer) =>
            `| ${retainer.name} | ${retainer.via.replace(/\|/g, '\\|').slice(0, 80)} | ${mb(retainer.retainedBytes)} | ${retainer.path.slice(-3).join(' › ').slice(0, 100)} |`,
        ),
      );
    }
  return `${lines.join('\n')}\n`;
}

mkdirSync(PROBE_FOLDER, { recursive: true });
mkdirSync(PROFILES, { recursive: true });
const results: VariantResult[] = [];
try {
  const compare = option('compare')[0];
  if (compare) {
    const old = await buildCommit(compare, log);
    try {
      const [first] = variants;
      results.push(await measure(old.build, { ...first!, name: `${compare} ${first!.name}` }, false));
    } finally {
      old.dispose();
    }
  }
  const current = await prepareBuild(option('build')[0] === 'head' ? 'head' : 'dist', log);
  try {
    for (const [index, variant] of variants.entries()) results.push(await measure(current.build, variant, index === 0));
  } finally {
    current.dispose();
  }
} finally {
  rmSync(PROBE_FOLDER, { recursive: true, force: true });
}
const report = render(results);
const file = join(PROFILES, `memory-${Date.now()}.md`);
writeFileSync(file, report);
process.stdout.write(report);
log(`written to ${file}`);
