/**
 * The legacy systems' date form, yyyyMMdd, read into the graph's ISO date. One reading for all
 * adapters, so "a date" means the same calendar check in every department.
 */

/** The days of a Gregorian month, computed rather than read from Date: this runs for every date of every answer. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "20240331" → "2024-03-31", or null when it is not a yyyyMMdd calendar date. */
export function isoDateOrNull(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** As isoDateOrNull, throwing a RangeError (which the adapters report as a malformed answer). */
export function toIsoDate(yyyymmdd: string): string {
  const date = isoDateOrNull(yyyymmdd);
  if (date === null) throw new RangeError('not a yyyyMMdd calendar date');
  return date;
}
