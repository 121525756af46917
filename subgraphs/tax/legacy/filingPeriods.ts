import { comparePeriodRanges, periodRangeOfDays, toIsoDate, type PeriodRange } from '../../kit/index.js';

/**
 * The tax bureau's filing periods (税款所属期) as the graph names them, over core's month ranges
 * (core/period.ts): "2024-03" a month, "2024-Q1" a calendar quarter, "2024" a year. The months
 * are core's; only the names are the bureau's.
 */

/**
 * The graph's filing period for the tax system's 税款所属期 (sssqq first day, sssqz last day,
 * yyyyMMdd). Any other span than a month, a calendar quarter or a year is not a tax period, so
 * it throws (a RangeError, which the client reports as a malformed answer) rather than guess.
 */
export function toFilingPeriod(sssqq: string, sssqz: string): string {
  const range = periodRangeOfDays(toIsoDate(sssqq), toIsoDate(sssqz));
  if (range === null || range.from.slice(0, 4) !== range.to.slice(0, 4))
    throw new RangeError('a tax period runs from the first to the last day of months of one year');
  const year = range.from.slice(0, 4);
  const firstMonth = Number(range.from.slice(5, 7));
  const lastMonth = Number(range.to.slice(5, 7));
  const months = lastMonth - firstMonth + 1;
  if (months === 1) return range.from;
  if (months === 3 && firstMonth % 3 === 1) return `${year}-Q${(firstMonth + 2) / 3}`;
  if (months === 12) return year;
  throw new RangeError('a tax period is a month, a calendar quarter or a year');
}

/** Orders filing periods as core orders their months: by the month they end, the shorter first. */
export function compareFilingPeriods(a: string, b: string): number {
  return comparePeriodRanges(monthsOfFilingPeriod(a), monthsOfFilingPeriod(b));
}

/** The months a filing period names ("2024-Q1" is 2024-01 to 2024-03). */
export function monthsOfFilingPeriod(period: string): PeriodRange {
  const year = period.slice(0, 4);
  if (period.length === 4) return { from: `${year}-01`, to: `${year}-12` };
  if (period[5] !== 'Q') return { from: period, to: period };
  const lastMonth = Number(period.slice(6)) * 3;
  const month = (value: number) => `${year}-${String(value).padStart(2, '0')}`;
  return { from: month(lastMonth - 2), to: month(lastMonth) };
}
