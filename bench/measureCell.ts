import type { LoadRequest } from './contenders/index.js';
import type { Piece, PieceKind } from './deployed/startPiece.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { probeLegacyCalls, type LegacyAdmin, type LegacyCalls } from './legacyAdmin.js';
import { cpuMilliseconds, peakMemoryBytes, resetPeakMemory } from './readProcessUsage.js';

/** One back-end piece's share of a cell: its CPU per answer and its peak resident memory in the window. */
export interface PieceFigures {
  name: string;
  kind: PieceKind;
  cpuMsPerRequest: number;
  peakMemoryMb: number;
}

export interface Measurement extends LoadFigures {
  /** The contender's own process (the gateway): CPU per answer. */
  cpuMsPerRequest: number;
  /** The back-end pieces this contender uses (subgraphs and stand-ins), summed: where the rest of a request's work is. */
  backendCpuMsPerRequest: number;
  /** The contender's peak resident memory (VmHWM) in the window. */
  peakMemoryMb: number;
  /** Each back-end piece this contender uses, in the back end's order. */
  pieces: PieceFigures[];
  /** Counted by the legacy systems over sequential requests of the named fixture after the window. */
  legacyCallsPerRequest: LegacyCalls;
  /**
   * All legacy calls during the window per answer, all subjects mixed (so it differs from the
   * probe by the subjects' own needs, and by the requests still in flight when the window closed).
   */
  legacyCallsUnderLoad: number;
}

/** The legacy latency a cell runs at. */
export interface Latency {
  name: string;
  latencyMs: number;
  jitterMs: number;
}

/**
 * The back-end pieces a contender's requests reach: our gateway with everything on, the
 * subgraphs as deployed; the others, the subgraphs without protections (and the platform's,
 * which both sets share); contender 5, the stand-ins only.
 */
export function piecesUsedBy(contender: number, pieces: readonly Piece[]): Piece[] {
  const used = new Set<PieceKind>(
    contender === 1 ? ['subgraph', 'stand-in'] : contender === 5 ? ['stand-in'] : ['open subgraph', 'stand-in'],
  );
  return pieces.filter(
    (piece) => used.has(piece.kind) || (contender >= 2 && contender <= 4 && piece.name === 'subgraph platform'),
  );
}

/**
 * Measures one cell: a warm-up, the peaks reset (VmHWM, /proc/<pid>/clear_refs), then one window
 * of load; every piece's CPU (user + system from /proc/<pid>/stat) over the window per answer, and
 * the legacy calls of the window and of a probe after it.
 */
export async function measureCell(
  target: { pid: number; request: LoadRequest; pieces: readonly Piece[] },
  options: { legacy: LegacyAdmin; latency: Latency; connections: number; warmUpSeconds: number; windowSeconds: number },
): Promise<Measurement & { peakMemoryReset: boolean }> {
  const { legacy, latency } = options;
  await legacy.reset(latency);
  await driveLoad(target.request, { connections: options.connections, seconds: options.warmUpSeconds });
  const everyone = [target.pid, ...target.pieces.map((piece) => piece.pid)];
  let peakMemoryReset = true;
  for (const pid of everyone) peakMemoryReset = resetPeakMemory(pid) && peakMemoryReset;
  await legacy.settle();
  await legacy.reset(latency);
  const before = everyone.map((pid) => cpuMilliseconds(pid));
  const figures = await driveLoad(target.request, { connections: options.connections, seconds: options.windowSeconds });
  const spent = everyone.map((pid, index) => cpuMilliseconds(pid) - before[index]!);
  const peaks = everyone.map((pid) => peakMemoryBytes(pid) / 2 ** 20);
  const windowCalls = Object.values(await legacy.calls()).reduce((sum, calls) => sum + calls, 0);
  const perAnswer = (ms: number) => (figures.answered > 0 ? ms / figures.answered : Number.NaN);
  const pieces = target.pieces.map((piece, index) => ({
    name: piece.name,
    kind: piece.kind,
    cpuMsPerRequest: perAnswer(spent[index + 1]!),
    peakMemoryMb: peaks[index + 1]!,
  }));
  return {
    ...figures,
    cpuMsPerRequest: perAnswer(spent[0]!),
    backendCpuMsPerRequest: perAnswer(spent.slice(1).reduce((sum, ms) => sum + ms, 0)),
    peakMemoryMb: peaks[0]!,
    pieces,
    legacyCallsUnderLoad: perAnswer(windowCalls),
    legacyCallsPerRequest: await probeLegacyCalls(target.request, legacy, latency),
    peakMemoryReset,
  };
}
