/**
 * Masks personal identifiers in anything about to be logged: resident IDs (kept: region and the
 * check character, as `330106********4641` is not enough to find a person) and mobile numbers.
 * Logs are read by operators who must never see who a request was about (DESIGN.md).
 */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/**
 * Log lines stay small whatever a request did: one string is cut after MAX_LOG_STRING characters
 * and one list after MAX_LOG_ITEMS items (a request with 60,000 errors once made a 720 KB line).
 */
export const MAX_LOG_STRING = 1_000;
export const MAX_LOG_ITEMS = 20;

export function redactText(text: string): string {
  // Masked first, then cut: a cut through an ID would leave digits the patterns no longer match.
  const masked = text.replace(RESIDENT_ID, '$1********$2').replace(MOBILE, '$1****$2');
  return masked.length > MAX_LOG_STRING
    ? `${masked.slice(0, MAX_LOG_STRING)}… (${masked.length - MAX_LOG_STRING} more characters)`
    : masked;
}

/** A deep copy of a log object with every string redacted and every string and list bounded; depth-limited, cycles cut. */
export function redactPersonalData(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_LOG_ITEMS).map((item) => redactPersonalData(item, depth + 1, seen));
    return value.length > MAX_LOG_ITEMS ? [...items, `… ${value.length - MAX_LOG_ITEMS} more`] : items;
  }
  if (value instanceof Error) return { type: value.name, message: redactText(value.message) };
  const entries = Object.entries(value);
  const bounded = entries
    .slice(0, MAX_LOG_ITEMS)
    .map(([key, item]) => [redactText(key), redactPersonalData(item, depth + 1, seen)]);
  return Object.fromEntries(
    entries.length > MAX_LOG_ITEMS ? [...bounded, ['…', `${entries.length - MAX_LOG_ITEMS} more keys`]] : bounded,
  );
}
