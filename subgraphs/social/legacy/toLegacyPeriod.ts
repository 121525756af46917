/** A graph period (YYYY-MM) as the bureau writes it (YYYYMM), or null when it is not a month. */
export function toLegacyPeriod(period: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return match ? `${match[1]}${match[2]}` : null;
}
