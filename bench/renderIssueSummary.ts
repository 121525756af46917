import { issueAims } from './issueAims.js';
import type { Figure } from './issueFigures.js';

/**
 * A run's figures as bench/baseline.json keeps them for the next run to print beside its own:
 * by key (issueFigures.ts), with when and how they were measured.
 */
export interface SavedFigures {
  startedAt: string;
  /** How those figures were measured, in a sentence (e.g. "npm run bench, every piece from dist/"). */
  source: string;
  figures: Record<string, number | null>;
}

export function toSavedFigures(figures: readonly Figure[], startedAt: string, source: string): SavedFigures {
  return { startedAt, source, figures: Object.fromEntries(figures.map((figure) => [figure.key, figure.value])) };
}

function format(value: number | null | undefined, unit: Figure['unit']): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  if (unit === '%') return `${(value * 100).toFixed(0)} %`;
  if (unit === '×') return value.toFixed(2);
  if (unit === 'ms' && value < 20) return value.toFixed(2);
  return Math.round(value).toLocaleString('en');
}

const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**not met**');

/**
 * The one table of issue 23's figures, this run's beside the previous run's (bench/baseline.json),
 * then the aims, met or not, computed from this run's figures (and, for comparison, the previous one's).
 */
export function renderIssueSummary(figures: readonly Figure[], previous: SavedFigures | null): string {
  const when = previous ? `${previous.startedAt.slice(0, 16).replace('T', ' ')} UTC` : null;
  const lines = [
    `### Issue 23's figures: this run beside the previous run`,
    '',
    previous
      ? `Previous run: ${when}, ${previous.source} (its figures kept in bench/baseline.json; "n/a" where it did not measure that figure). Each full run replaces bench/baseline.json with its own figures for the next one.`
      : 'No previous run is kept (bench/baseline.json): the previous column is empty.',
    '',
    `| figure | this run | previous run${when ? ` (${when})` : ''} | aim |`,
    '|---|---|---|---|',
    ...figures.map(
      (figure) =>
        `| ${figure.label} | ${format(figure.value, figure.unit)} | ${format(previous?.figures[figure.key], figure.unit)} | ${figure.aim ?? ''} |`,
    ),
    '',
    "### Issue 23's aims, computed from this run's figures",
    '',
    '| aim | this run | on what | previous run |',
    '|---|---|---|---|',
  ];
  const now = issueAims(new Map(figures.map((figure) => [figure.key, figure.value])));
  const before = previous ? issueAims(new Map(Object.entries(previous.figures))) : null;
  now.forEach((aim, index) =>
    lines.push(
      `| ${aim.aim} | ${verdict(aim.met)} | ${aim.detail} | ${before ? verdict(before[index]!.met).replace(/\*\*/g, '') : 'n/a'} |`,
    ),
  );
  lines.push(
    '| Nothing weaker: every privacy, access-log and crash test passes unchanged | not a benchmark figure | `npm test` (test/policy-matrix, test/access-log*, test/crash) | |',
    '',
  );
  return lines.join('\n');
}
