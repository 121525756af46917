/**
 * Orders graph filing periods ("2024-03", "2024-Q1", "2024") by the day they end, and among
 * periods ending together the shorter first: March, then Q1, then the year ending in December.
 */
export function comparePeriods(a: string, b: string): number {
  const [endA, spanA] = endAndSpan(a);
  const [endB, spanB] = endAndSpan(b);
  return endA - endB || spanA - spanB;
}

/** The period's last month as a month count, and its length in months. */
function endAndSpan(period: string): [number, number] {
  const year = Number(period.slice(0, 4)) * 12;
  if (period.length === 4) return [year + 12, 12];
  if (period[5] === 'Q') return [year + Number(period.slice(6)) * 3, 3];
  return [year + Number(period.slice(5, 7)), 1];
}
