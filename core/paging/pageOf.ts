import type { PageBounds } from './pageBoundsOf.js';
import { cursorAt, positionOf } from './pageCursor.js';
import { pageSize } from './pageSize.js';

/** One page of a list, with what a caller needs to ask for the next (the portal contract's page objects). */
export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Pass as `after` for the next page; null on the last page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * What a page is cut from: an array, or a list that does its work only for the items a slice
 * holds (a legacy answer read whole but translated per page, e.g. market's ShareholdingList).
 */
export interface Sliceable<T> {
  readonly length: number;
  slice(start?: number, end?: number): T[];
}

/** The paging arguments every paged field takes. */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/**
 * One page of a list a legacy system answers whole, in its fixed order: `first` items after the
 * position `after` names. The arguments are checked before the legacy system is asked (hence
 * `read` is called last), so a malformed page costs no call.
 */
export async function pageOf<T>(
  read: () => Promise<Sliceable<T>>,
  args: PageArguments,
  bounds: PageBounds,
): Promise<Page<T>> {
  const size = pageSize(args.first, bounds);
  const start = args.after === undefined || args.after === null ? 0 : positionOf(args.after);
  const all = await read();
  const items = all.slice(start, start + size);
  const end = start + items.length;
  const hasNextPage = end < all.length;
  return { items, totalCount: all.length, endCursor: hasNextPage ? cursorAt(end) : null, hasNextPage };
}

/** The first `first` items of a list answered whole, for a field that is bounded but has no cursor. */
export async function firstOf<T>(
  read: () => Promise<Sliceable<T>>,
  first: number | null | undefined,
  bounds: PageBounds,
): Promise<T[]> {
  const size = pageSize(first, bounds);
  return (await read()).slice(0, size);
}
