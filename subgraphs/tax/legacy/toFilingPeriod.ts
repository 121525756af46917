import { daysInMonth, toIsoDate } from '../../kit/index.js';

/**
 * The graph's filing period for the tax system's 税款所属期 (sssqq first day, sssqz last day,
 * yyyyMMdd): "2024-03" for a month, "2024-Q1" for a calendar quarter, "2024" for a year. Any
 * other span is not a tax period, so it throws rather than guess.
 */
export function toFilingPeriod(sssqq: string, sssqz: string): string {
  const start = toIsoDate(sssqq);
  const end = toIsoDate(sssqz);
  const year = start.slice(0, 4);
  const firstMonth = Number(start.slice(5, 7));
  const lastMonth = Number(end.slice(5, 7));
  const lastDay = daysInMonth(Number(year), lastMonth);
  if (end.slice(0, 4) !== year || start.slice(8) !== '01' || Number(end.slice(8)) !== lastDay)
    throw new RangeError('a tax period runs from the first to the last day of months of one year');
  const months = lastMonth - firstMonth + 1;
  if (months === 1) return start.slice(0, 7);
  if (months === 3 && firstMonth % 3 === 1) return `${year}-Q${(firstMonth + 2) / 3}`;
  if (months === 12) return year;
  throw new RangeError('a tax period is a month, a calendar quarter or a year');
}
