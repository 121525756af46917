/**
 * A child of a parsed XML element, or undefined. The soap package hands requests over as plain
 * objects built from whatever the caller sent, so nothing about their shape can be assumed; an
 * empty element (<CxCbryxxRequest/>) arrives as null.
 */
export function fieldOf(element: unknown, name: string): unknown {
  return typeof element === 'object' && element !== null ? (element as Record<string, unknown>)[name] : undefined;
}
