/** Issue 23's aims, each met or not from one run's figures (issueFigures.ts), by their keys. */
export interface AimVerdict {
  aim: string;
  /** null: a figure it needs was not measured in this run. */
  met: boolean | null;
  /** The figures it was judged on (the worst first where there are several). */
  detail: string;
}

type Figures = ReadonlyMap<string, number | null>;

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const x = (value: number) => `${value.toFixed(2)}×`;

/** Every figure whose key starts with `prefix` (and ends with `suffix`), worst first by `worse` (a larger `worse` is worse). */
function every(figures: Figures, prefix: string, worse: (value: number) => number, suffix = '') {
  const found = [...figures].filter(([key]) => key.startsWith(prefix) && key.endsWith(suffix));
  const values = found.filter((entry): entry is [string, number] => entry[1] !== null && Number.isFinite(entry[1]));
  return {
    missing: found.length === 0 || values.length < found.length,
    values: values.sort((a, b) => worse(b[1]) - worse(a[1])),
  };
}

const where = (key: string) => key.split('/').slice(1).join(' ').replace(/-/g, ' ');

function allCells(
  figures: Figures,
  aim: string,
  prefix: string,
  ok: (value: number) => boolean,
  worse: (value: number) => number,
  show: (value: number) => string,
  cells = 6,
  suffix = '',
): AimVerdict {
  const { missing, values } = every(figures, prefix, worse, suffix);
  if (missing || values.length < cells)
    return { aim, met: null, detail: `measured in ${values.length} of ${cells} cells` };
  const failing = values.filter(([, value]) => !ok(value));
  return {
    aim,
    met: failing.length === 0,
    detail:
      `worst: ${where(values[0]![0])} ${show(values[0]![1])}` +
      (failing.length > 0 ? `; not met in ${failing.length} of ${values.length} cells` : '; every cell within'),
  };
}

function single(
  figures: Figures,
  aim: string,
  key: string,
  ok: (value: number) => boolean,
  show: (value: number) => string,
): AimVerdict {
  const value = figures.get(key);
  if (value === undefined || value === null || !Number.isFinite(value))
    return { aim, met: null, detail: 'not measured' };
  return { aim, met: ok(value), detail: show(value) };
}

/** The aims of issue 23, judged on one run's figures. */
export function issueAims(figures: Figures): AimVerdict[] {
  const postgres = figures.get('appends/PostgreSQL/4');
  const sqlite = figures.get('appends/SQLite/4');
  const peaks = [...figures].filter(([key]) => key.startsWith('peak-rss/'));
  const overBudget = peaks.filter(([key, mb]) => mb !== null && mb > (key.includes('gateway') ? 150 : 120));
  return [
    allCells(
      figures,
      "Protections' cost ≤ 10 % of throughput in every cell",
      'protections-cost/',
      (v) => v <= 0.1,
      (v) => v,
      pct,
    ),
    single(figures, '1,000-shareholder page ≥ 0.8× without protections', 'growth-1000/ratio', (v) => v >= 0.8, x),
    single(
      figures,
      "1,000-shareholder page ≥ 2× the old commit's requests/s (built and measured in the same run)",
      'old-commit/ratio',
      (v) => v >= 2,
      x,
    ),
    allCells(
      figures,
      'Our gateway, everything on, ≥ 0.5× the no-GraphQL contender in every 0 ms cell',
      'against-direct/',
      (v) => v >= 0.5,
      (v) => -v,
      x,
      3,
      '/0ms',
    ),
    allCells(
      figures,
      "Gateway CPU per request ≤ 0.7× the stock Apollo gateway's in every cell",
      'gateway-cpu-ratio/',
      (v) => v <= 0.7,
      (v) => v,
      x,
    ),
    postgres === undefined || sqlite === undefined || postgres === null || sqlite === null
      ? {
          aim: 'PostgreSQL access log, 4 writers ≥ SQLite',
          met: null,
          detail: 'not measured (both backends are needed)',
        }
      : {
          aim: 'PostgreSQL access log, 4 writers ≥ SQLite',
          met: postgres >= sqlite,
          detail: `${Math.round(postgres)} against ${Math.round(sqlite)} appends/s (SQLite, 4 writers)`,
        },
    peaks.length === 0
      ? { aim: 'Peak RSS: gateway ≤ 150 MB, each subgraph ≤ 120 MB', met: null, detail: 'not measured' }
      : {
          aim: 'Peak RSS: gateway ≤ 150 MB, each subgraph ≤ 120 MB',
          met: overBudget.length === 0,
          detail: peaks
            .map(([key, mb]) => `${key.slice('peak-rss/'.length)} ${Math.round(mb ?? Number.NaN)} MB`)
            .join(', '),
        },
    single(
      figures,
      "Hostile neighbour: the dashboard's p99 under attack ≤ 2× alone",
      'hostile/ratio',
      (v) => v <= 2,
      x,
    ),
  ];
}
