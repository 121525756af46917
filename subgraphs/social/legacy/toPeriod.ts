/** A legacy period (YYYYMM) as the graph writes it (YYYY-MM), or null when it is not a month. */
export function toPeriod(legacy: string): string | null {
  const match = /^(\d{4})(0[1-9]|1[0-2])$/.exec(legacy);
  return match ? `${match[1]}-${match[2]}` : null;
}
