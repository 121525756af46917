import type { AccessRecord } from './AccessEntry.js';
import type { AccessLogRange } from './AccessLogStore.js';
import { fromAccessLogRow, type AccessLogRow } from './accessLogRow.js';

/** Rows per round trip when walking the whole log: large enough to be quick, small enough to hold. */
export const ACCESS_LOG_READ_BATCH = 1000;

/**
 * readAll for both back ends: keyset pages by seq (`seq > last seen`), so memory stays flat
 * however long the log is and no cursor or transaction is held open between batches.
 */
export async function* readAccessLogInBatches(
  range: AccessLogRange | undefined,
  fetchBatch: (afterSeq: number, throughSeq: number, limit: number) => Promise<AccessLogRow[]>,
): AsyncGenerator<AccessRecord> {
  let afterSeq = range?.afterSeq ?? 0;
  const throughSeq = range?.throughSeq ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await fetchBatch(afterSeq, throughSeq, ACCESS_LOG_READ_BATCH);
    for (const row of rows) yield fromAccessLogRow(row);
    if (rows.length < ACCESS_LOG_READ_BATCH) return;
    afterSeq = Number(rows.at(-1)!.seq);
  }
}
