/**
 * Splits the months from `from` to `to` (YYYYMM, both included, from <= to) into consecutive
 * windows of at most `maxMonths` months, oldest first: the bureau answers at most ten years a call.
 */
export function splitPeriodRange(from: string, to: string, maxMonths: number): Array<{ from: string; to: string }> {
  const first = monthIndex(from);
  const last = monthIndex(to);
  const windows: Array<{ from: string; to: string }> = [];
  for (let start = first; start <= last; start += maxMonths) {
    windows.push({ from: periodOf(start), to: periodOf(Math.min(start + maxMonths - 1, last)) });
  }
  return windows;
}

function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(4, 6)) - 1;
}

function periodOf(index: number): string {
  return `${Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, '0')}`;
}
