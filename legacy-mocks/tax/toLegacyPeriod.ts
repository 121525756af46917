/**
 * A filing period of the data set (YYYYMM month, YYYYQn quarter, YYYY year) as the tax system
 * writes it: the first and last day of the period, sssqq (税款所属期起) and sssqz (税款所属期止).
 */
export function toLegacyPeriod(period: string): { sssqq: string; sssqz: string } {
  const year = Number(period.slice(0, 4));
  let firstMonth: number;
  let lastMonth: number;
  if (/^\d{6}$/.test(period)) {
    firstMonth = lastMonth = Number(period.slice(4));
  } else if (/^\d{4}Q[1-4]$/.test(period)) {
    lastMonth = Number(period.slice(5)) * 3;
    firstMonth = lastMonth - 2;
  } else if (/^\d{4}$/.test(period)) {
    firstMonth = 1;
    lastMonth = 12;
  } else {
    throw new RangeError('a filing period is YYYYMM, YYYYQn or YYYY');
  }
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { sssqq: `${year}${pad(firstMonth)}01`, sssqz: `${year}${pad(lastMonth)}${pad(lastDay)}` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
