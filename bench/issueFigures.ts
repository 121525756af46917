import type { Cell, LoadBenchmarkResults } from './runLoadBenchmark.js';

/** One figure of the summary table: a stable key (bench/baseline.json keeps the previous run's by it), what it is, its value. */
export interface Figure {
  key: string;
  label: string;
  value: number | null;
  /** How it is printed: 'n' a count, 'ms', 'MB', '%' (a share, 0-1), '×' (a ratio). */
  unit: 'n' | 'ms' | 'MB' | '%' | '×';
  /** The aim it is held to, as text, if any. */
  aim?: string;
}

const SCENARIOS = ['citizen dashboard', 'company profile', 'company search'];
const LATENCY_NAMES = ['0 ms', '20 ms ± 5 ms'];
const CONTENDER_IDS = [1, 2, 3, 4, 5];

/** The key's form of a cell: "citizen-dashboard/0ms". */
const cellKey = (scenario: string, latency: string) =>
  `${scenario.replace(/ /g, '-')}/${latency.startsWith('0') ? '0ms' : '20ms'}`;

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : null;

/**
 * Every figure issue 23 names, from one run's results, in the summary table's order: per cell, the
 * contenders' requests/s, the protections' cost, our gateway against no GraphQL, gateway CPU
 * against stock Apollo's; the 1,000-shareholder page (with and without protections, and against
 * the old commit); peak resident memory per piece; the hostile neighbour; the access log's appends.
 */
export function issueFigures(results: LoadBenchmarkResults): Figure[] {
  const figures: Figure[] = [];
  const cellOf = (scenario: string, latency: string, contender: number): Cell | undefined =>
    results.cells.find(
      (cell) => cell.scenario === scenario && cell.latency === latency && cell.contender === contender,
    );
  for (const latency of LATENCY_NAMES)
    for (const scenario of SCENARIOS) {
      if (!results.cells.some((cell) => cell.scenario === scenario && cell.latency === latency)) continue;
      const key = cellKey(scenario, latency);
      const where = `${scenario}, ${latency}`;
      const [one, two, three, five] = [1, 2, 3, 5].map((id) => cellOf(scenario, latency, id));
      for (const id of CONTENDER_IDS) {
        const cell = cellOf(scenario, latency, id);
        if (cell)
          figures.push({
            key: `rps/${key}/${id}`,
            label: `${where}: requests/s, contender ${id}`,
            value: cell.requestsPerSecond,
            unit: 'n',
          });
      }
      const cost = ratio(one?.requestsPerSecond, two?.requestsPerSecond);
      figures.push({
        key: `protections-cost/${key}`,
        label: `${where}: the protections' cost (1 − contender 1 / contender 2)`,
        value: cost === null ? null : 1 - cost,
        unit: '%',
        aim: '≤ 10 %',
      });
      figures.push({
        key: `against-direct/${key}`,
        label: `${where}: contender 1 / contender 5 (no GraphQL), requests/s`,
        value: ratio(one?.requestsPerSecond, five?.requestsPerSecond),
        unit: '×',
        ...(latency === '0 ms' ? { aim: '≥ 0.5' } : {}),
      });
      figures.push(
        {
          key: `gateway-cpu/${key}/1`,
          label: `${where}: gateway CPU ms per request, contender 1`,
          value: one?.cpuMsPerRequest ?? null,
          unit: 'ms',
        },
        {
          key: `gateway-cpu/${key}/3`,
          label: `${where}: gateway CPU ms per request, stock Apollo (3)`,
          value: three?.cpuMsPerRequest ?? null,
          unit: 'ms',
        },
        {
          key: `gateway-cpu-ratio/${key}`,
          label: `${where}: gateway CPU per request, contender 1 / stock Apollo`,
          value: ratio(one?.cpuMsPerRequest, three?.cpuMsPerRequest),
          unit: '×',
          aim: '≤ 0.7',
        },
      );
    }
  figures.push(...growthFigures(results), ...memoryFigures(results), ...otherFigures(results));
  return figures;
}

function growthFigures(results: LoadBenchmarkResults): Figure[] {
  const row = (contender: number) =>
    results.growth.find((entry) => entry.shareholders === 1000 && entry.contender === contender);
  const figures: Figure[] = [];
  if (row(1) || row(2))
    figures.push(
      {
        key: 'growth-1000/1',
        label: '1,000-shareholder page (of 100): requests/s, contender 1',
        value: row(1)?.requestsPerSecond ?? null,
        unit: 'n',
      },
      {
        key: 'growth-1000/2',
        label: '1,000-shareholder page: requests/s, contender 2 (protections off)',
        value: row(2)?.requestsPerSecond ?? null,
        unit: 'n',
      },
      {
        key: 'growth-1000/ratio',
        label: '1,000-shareholder page: contender 1 / contender 2',
        value: ratio(row(1)?.requestsPerSecond, row(2)?.requestsPerSecond),
        unit: '×',
        aim: '≥ 0.8',
      },
    );
  const old = results.oldCommit;
  if (old)
    figures.push(
      {
        key: 'old-commit/before',
        label: `1,000-shareholder page, contender 1 at commit ${old.commit}: requests/s`,
        value: old.before.requestsPerSecond,
        unit: 'n',
      },
      {
        key: 'old-commit/after',
        label: '1,000-shareholder page, contender 1 of this build, right after: requests/s',
        value: old.after.requestsPerSecond,
        unit: 'n',
      },
      {
        key: 'old-commit/ratio',
        label: `1,000-shareholder page: this build / commit ${old.commit}`,
        value: ratio(old.after.requestsPerSecond, old.before.requestsPerSecond),
        unit: '×',
        aim: '≥ 2',
      },
    );
  return figures;
}

/** The largest peak of each piece over the windows it served (contender 1's gateway; the subgraphs as deployed; the stand-ins). */
export function peakMemoryByPiece(results: LoadBenchmarkResults): Array<{ piece: string; peakMb: number }> {
  const peaks = new Map<string, number>();
  const note = (piece: string, mb: number) => peaks.set(piece, Math.max(peaks.get(piece) ?? 0, mb));
  for (const measurement of [...results.cells, ...results.growth]) {
    if (measurement.contender === 1) note('gateway (contender 1)', measurement.peakMemoryMb);
    for (const piece of measurement.pieces) note(piece.name, piece.peakMemoryMb);
  }
  return [...peaks].map(([piece, peakMb]) => ({ piece, peakMb }));
}

function memoryFigures(results: LoadBenchmarkResults): Figure[] {
  return peakMemoryByPiece(results)
    .filter(({ piece }) => piece.startsWith('gateway') || piece.startsWith('subgraph '))
    .map(({ piece, peakMb }) => ({
      key: `peak-rss/${piece}`,
      label: `peak RSS (VmHWM), ${piece}`,
      value: peakMb,
      unit: 'MB' as const,
      aim: piece.startsWith('gateway') ? '≤ 150' : '≤ 120',
    }));
}

function otherFigures(results: LoadBenchmarkResults): Figure[] {
  const figures: Figure[] = [];
  const hostile = results.hostile;
  if (hostile)
    figures.push(
      {
        key: 'hostile/alone',
        label: "hostile neighbour: the dashboard's p99 alone",
        value: hostile.alone.p99Ms,
        unit: 'ms',
      },
      {
        key: 'hostile/attack',
        label: "hostile neighbour: the dashboard's p99 under attack",
        value: hostile.underAttack.p99Ms,
        unit: 'ms',
      },
      {
        key: 'hostile/ratio',
        label: 'hostile neighbour: p99 under attack / alone',
        value: hostile.ratio,
        unit: '×',
        aim: '≤ 2',
      },
    );
  for (const cell of results.appends?.cells ?? [])
    figures.push({
      key: `appends/${cell.backend}/${cell.writers}`,
      label: `access-log appends/s, ${cell.backend}, ${cell.writers} writer${cell.writers === 1 ? '' : 's'}`,
      value: cell.appendsPerSecond,
      unit: 'n',
      ...(cell.backend === 'PostgreSQL' && cell.writers === 4 ? { aim: '≥ SQLite, 4 writers' } : {}),
    });
  return figures;
}
