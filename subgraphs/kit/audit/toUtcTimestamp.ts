// A full date and time with a zone, as ISO 8601 / RFC 3339 write it; a bare date or a local time
// would be read in whatever zone the server runs in.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO timestamp in the one form the log stores (`2024-05-01T08:00:00.000Z`). Every stored `at`
 * has that form, so comparing them as strings (the from/to filter) compares them in time.
 */
export function toUtcTimestamp(value: unknown, name: string): string {
  if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) {
    throw new RangeError(`${name} must be an ISO timestamp with a zone, e.g. 2024-05-01T08:00:00Z`);
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a real date and time`);
  return new Date(time).toISOString();
}
