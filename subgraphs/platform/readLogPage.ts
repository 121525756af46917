import { badUserInput, MAX_ACCESS_LOG_PAGE, type AccessLogStore, type Subject } from '../kit/index.js';
import type { LogPageView } from './AccessView.js';

/** One page of a subject's log, newest first, with the subject carried down for the privacy rules. */
export async function readLogPage(
  store: AccessLogStore,
  subject: Subject,
  page: { first: number; after?: string | null; from?: string | null; to?: string | null },
): Promise<LogPageView> {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_ACCESS_LOG_PAGE)
    throw badUserInput('first', `ask for 1 to ${MAX_ACCESS_LOG_PAGE} accesses`);
  let result;
  try {
    result = await store.readBySubject(subject, page);
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
