import type { AccessEntry, AccessRecord } from './AccessEntry.js';
import type { AccessLogHead } from './AccessLogStore.js';
import { hashAccessRecord } from './hashAccessRecord.js';

/**
 * The records that follow `head`, one per (already normalised) entry, each linked to the one
 * before. Both back ends call this inside the transaction that holds the head, so the chain
 * is computed in one place and never forks.
 */
export function chainAccessEntries(head: AccessLogHead, entries: readonly AccessEntry[]): AccessRecord[] {
  let { seq, hash: previousHash } = head;
  return entries.map((entry) => {
    seq += 1;
    const unhashed = { ...entry, seq, previousHash };
    const record = { ...unhashed, hash: hashAccessRecord(unhashed) };
    previousHash = record.hash;
    return record;
  });
}
