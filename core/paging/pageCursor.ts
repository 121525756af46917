import { badUserInput } from '../errors.js';

/**
 * Cursors of lists a department answers whole, in a fixed order (the registry's): the position
 * after the page, opaque to callers. A cursor is read back only if it is one this code wrote.
 */
export function cursorAt(position: number): string {
  return Buffer.from(`page:${position}`).toString('base64url');
}

/** The position an `after` cursor names; BAD_USER_INPUT for anything this code did not write. */
export function positionOf(cursor: string): number {
  const match =
    cursor.length <= 32 ? /^page:([1-9][0-9]{0,6})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1')) : null;
  if (!match || cursorAt(Number(match[1])) !== cursor) throw badUserInput('after', 'not an endCursor of this list');
  return Number(match[1]);
}
