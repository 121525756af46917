import { badUserInput } from '../kit/index.js';

/** The largest page of any market list (shareholders, representations, stakes), as of searchCompanies. */
export const MAX_PAGE_SIZE = 100;
/** The page asked for when `first` is left out; the schema declares the same default. */
export const DEFAULT_PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * One page of a list the registry answers whole, in its order: `first` items (1 to MAX_PAGE_SIZE)
 * after the position `after` names. The cursor is opaque to callers; it holds the position, which
 * is stable because the registry lists in a fixed order. A malformed `first` or `after` is the
 * caller's BAD_USER_INPUT, checked before the registry is asked (hence `read` is called last).
 */
export async function pageOf<T>(
  read: () => Promise<readonly T[]>,
  args: { first?: number | null; after?: string | null },
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const start = args.after === undefined || args.after === null ? 0 : positionOf(args.after);
  const all = await read();
  const items = all.slice(start, start + size);
  const end = start + items.length;
  const hasNextPage = end < all.length;
  return { items, totalCount: all.length, endCursor: hasNextPage ? cursorAt(end) : null, hasNextPage };
}

/** `first` checked: 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when left out. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput('first', `ask for 1 to ${MAX_PAGE_SIZE} at a time, and the next page with \`after\``);
  }
  return size;
}

function cursorAt(position: number): string {
  return Buffer.from(`page:${position}`).toString('base64url');
}

function positionOf(cursor: string): number {
  const match =
    cursor.length <= 32 ? /^page:([1-9][0-9]{0,6})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1')) : null;
  if (!match || cursorAt(Number(match[1])) !== cursor) throw badUserInput('after', 'not an endCursor of this list');
  return Number(match[1]);
}
