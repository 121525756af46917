/**
 * The value at `keys` inside a value of unknown shape, or undefined where the path breaks off.
 * Legacy errors and answers arrive as `unknown` (an axios error, a parsed SOAP envelope), and are
 * read this way so that an unexpected shape reads as "absent" instead of throwing.
 */
export function pathOf(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
