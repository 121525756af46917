/** A registry date, yyyyMMdd, as the graph's ISO date YYYY-MM-DD; refuses dates no calendar has. */
export function toIsoDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw new RangeError('a registry date is yyyyMMdd');
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw new RangeError('not a calendar date');
  return iso;
}
