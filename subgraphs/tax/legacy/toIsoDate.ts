import { daysInMonth } from './daysInMonth.js';

/** A yyyyMMdd date of the tax system as the graph's YYYY-MM-DD; throws on anything that is not a calendar date. */
export function toIsoDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw new RangeError('a legacy date is yyyyMMdd');
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError('not a calendar date');
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
