import { badUserInput, pageSize, type AccessLogStore, type PageBounds, type Subject } from '../kit/index.js';
import type { LogPageView } from './AccessView.js';

/**
 * One page of a subject's log, newest first, with the subject carried down for the privacy rules.
 * `first` is checked against the field's bounds as the schema declares them (core/paging): the
 * default page of the field, at most DataAccessPage.accesses' assumedSize, which
 * test/abuse/listSizes.test.ts holds to the store's own MAX_ACCESS_LOG_PAGE.
 */
export async function readLogPage(
  store: AccessLogStore,
  subject: Subject,
  page: { first?: number | null; after?: string | null; from?: string | null; to?: string | null },
  bounds: PageBounds,
): Promise<LogPageView> {
  const first = pageSize(page.first, bounds);
  let result;
  try {
    result = await store.readBySubject(subject, { ...page, first });
  } catch (error) {
    // The store says which argument it could not read (a bad cursor or timestamp) with a RangeError.
    if (error instanceof RangeError)
      throw badUserInput(page.after ? 'after' : 'from', 'not a cursor of this log or not an ISO timestamp');
    throw error;
  }
  return {
    subject,
    records: result.records.map((record) => ({ ...record, subject })),
    endCursor: result.endCursor,
    hasNextPage: result.hasNextPage,
  };
}
