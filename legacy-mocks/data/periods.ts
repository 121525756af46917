/** Months as YYYYMM strings, the unit of contributions and monthly filings. */

/** The last month the data set holds: contributions and filings run up to here, deterministically. */
export const LAST_PERIOD = '202610';

export function isPeriod(value: string): boolean {
  if (!/^\d{6}$/.test(value)) return false;
  const month = Number(value.slice(4));
  return month >= 1 && month <= 12;
}

export function periodIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(4)) - 1;
}

export function periodFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}${String(month).padStart(2, '0')}`;
}

export function addMonths(period: string, months: number): string {
  return periodFromIndex(periodIndex(period) + months);
}
