/** A yyyyMMdd date of the tax system as the graph's YYYY-MM-DD; throws on anything that is not a calendar date. */
export function toIsoDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw new RangeError('a legacy date is yyyyMMdd');
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  // Date rolls 20240230 over into March; a real calendar date survives the round trip.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw new RangeError('not a calendar date');
  return iso;
}
