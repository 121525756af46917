// A full date and time with a zone, as ISO 8601 / RFC 3339 write it; a bare date or a local time
// would be read in whatever zone the server runs in.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO timestamp in the one form the log stores (`2024-05-01T08:00:00.000Z`). Every stored `at`
 * has that form, so comparing them as strings (the from/to filter) compares them in time.
 */
export function toUtcTimestamp(value: unknown, name: string): string {
  const match = typeof value === 'string' ? ISO_TIMESTAMP.exec(value) : null;
  if (!match) throw new RangeError(`${name} must be an ISO timestamp with a zone, e.g. 2024-05-01T08:00:00Z`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 2024-02-30 over into March; a day the calendar lacks is a mistake, not a date.
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const time = Date.parse(value as string);
  if (Number.isNaN(time) || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) {
    throw new RangeError(`${name} is not a real date and time`);
  }
  return new Date(time).toISOString();
}
