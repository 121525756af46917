/**
 * Masks personal identifiers in anything about to be logged: resident IDs (kept: region and the
 * check character, as `330106********4641` is not enough to find a person) and mobile numbers.
 * Logs are read by operators who must never see who a request was about (DESIGN.md).
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function redactText(text: string): string {
  return text.replace(RESIDENT_ID, '$1********$2').replace(MOBILE, '$1****$2');
}

/** A deep copy of a log object with every string redacted; depth-limited, cycles cut. */
export function redactPersonalData(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1, seen));
  if (value instanceof Error) return { type: value.name, message: redactText(value.message) };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactPersonalData(item, depth + 1, seen)]));
}
