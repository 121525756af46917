/** A legacy date (yyyyMMdd) as the graph's Date (YYYY-MM-DD), or null when it is no calendar day. */
export function toIsoDate(legacy: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(legacy);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}
