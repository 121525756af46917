/**
 * A period is a calendar month, written "YYYY-MM" in the graph (the `Period` scalar, core/scalars.ts):
 * the month a contribution is paid for, the months a tax return covers. This is the one place that
 * reads, writes, orders and splits them; a department's legacy/ keeps only thin adapters from its
 * system's own writing (social's YYYYMM, tax's first and last day of a span) to these.
 *
 * Inside, a month is its index (year × 12 + month − 1), so ordering and counting are arithmetic.
 */

/**
 * The years a period may name. The legacy systems write a year as four digits and keep the
 * records of people alive today: a period outside these years is the caller's mistake, said
 * before any call (year 0000 once reached the social bureau as a fault and read as it being down).
 */
export const FIRST_PERIOD_YEAR = 1900;
export const LAST_PERIOD_YEAR = 2099;

/** Months from `from` to `to`, both included, in the graph's writing. */
export interface PeriodRange {
  from: string;
  to: string;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const COMPACT_PERIOD = /^(\d{4})(0[1-9]|1[0-2])$/;
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Why a value is not a period the graph accepts, in words for the caller; null when it is one. */
export function periodProblem(value: unknown): string | null {
  const match = typeof value === 'string' ? PERIOD.exec(value) : null;
  if (!match) return 'a period is written YYYY-MM, e.g. 2024-03';
  const year = Number(match[1]);
  if (year < FIRST_PERIOD_YEAR || year > LAST_PERIOD_YEAR)
    return `a period's year is from ${FIRST_PERIOD_YEAR} to ${LAST_PERIOD_YEAR}`;
  return null;
}

export function isPeriod(value: unknown): value is string {
  return periodProblem(value) === null;
}

/** The month's index (year × 12 + month − 1); a RangeError for anything that is not a period. */
export function monthIndexOf(period: string): number {
  const problem = periodProblem(period);
  if (problem) throw new RangeError(problem);
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/** The period of a month index; a RangeError outside the years a period may name. */
export function periodAt(index: number): string {
  const year = Math.floor(index / 12);
  if (!Number.isInteger(index) || year < FIRST_PERIOD_YEAR || year > LAST_PERIOD_YEAR)
    throw new RangeError('a month outside the years a period may name');
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Orders periods oldest first. */
export function comparePeriods(a: string, b: string): number {
  return monthIndexOf(a) - monthIndexOf(b);
}

/** How many months the range holds, both ends included: 0 or less when `to` comes before `from`. */
export function monthsOf(range: PeriodRange): number {
  return monthIndexOf(range.to) - monthIndexOf(range.from) + 1;
}

/**
 * Orders ranges by the month they end, and among ranges ending together the shorter first: March,
 * then the first quarter, then the year ending in December.
 */
export function comparePeriodRanges(a: PeriodRange, b: PeriodRange): number {
  return monthIndexOf(a.to) - monthIndexOf(b.to) || monthsOf(a) - monthsOf(b);
}

/**
 * Splits a range into consecutive ranges of at most `maxMonths` months, oldest first: a legacy
 * system answers so many months a call (the social bureau ten years).
 */
export function splitPeriodRange(range: PeriodRange, maxMonths: number): PeriodRange[] {
  if (!Number.isInteger(maxMonths) || maxMonths < 1) throw new RangeError('a part holds at least one month');
  const last = monthIndexOf(range.to);
  const parts: PeriodRange[] = [];
  for (let start = monthIndexOf(range.from); start <= last; start += maxMonths)
    parts.push({ from: periodAt(start), to: periodAt(Math.min(start + maxMonths - 1, last)) });
  return parts;
}

/** The period of an ISO date ("2024-03-31" is "2024-03"), or null for anything else. */
export function periodOfDate(isoDate: string): string | null {
  const match = ISO_DATE.exec(isoDate);
  const period = match ? `${match[1]}-${match[2]}` : null;
  return period !== null && isPeriod(period) ? period : null;
}

/**
 * The range of whole months from the first day `firstDay` to the last day `lastDay` (ISO dates),
 * or null when the days do not start and end months (a tax period runs over whole months).
 */
export function periodRangeOfDays(firstDay: string, lastDay: string): PeriodRange | null {
  const from = periodOfDate(firstDay);
  const to = periodOfDate(lastDay);
  if (from === null || to === null || firstDay.slice(8) !== '01') return null;
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  if (Number(lastDay.slice(8)) !== new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { from, to };
}

/** A period in the compact writing of the legacy systems and the data set (YYYYMM). */
export function toCompactPeriod(period: string): string {
  monthIndexOf(period);
  return period.replace('-', '');
}

/** A compact period (YYYYMM) in the graph's writing, or null when it is not a month the graph accepts. */
export function fromCompactPeriod(compact: string): string | null {
  const match = COMPACT_PERIOD.exec(compact);
  const period = match ? `${match[1]}-${match[2]}` : null;
  return period !== null && isPeriod(period) ? period : null;
}
