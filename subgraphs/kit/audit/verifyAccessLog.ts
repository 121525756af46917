import type { AccessLogStore } from './AccessLogStore.js';
import { GENESIS_HASH, hashAccessRecord } from './hashAccessRecord.js';
import { UnreadableAccessRecordError } from './UnreadableAccessRecordError.js';

export type AccessLogVerdict = { ok: true; records: number } | { ok: false; atSeq: number; problem: string };

/**
 * Walks the chain and reports the FIRST record that is not as the store wrote it (DESIGN.md,
 * "Access log": any record changed, removed or reordered is found):
 * - seq runs 1, 2, 3, ...: a gap means records were removed;
 * - each previousHash is the hash of the record before: otherwise removed or reordered;
 * - each hash recomputes from the record: otherwise the record was changed;
 * - the head row names the last record: otherwise the tail was truncated, or rows were added
 *   without going through the store.
 *
 * The head lives in the same database as the records, so someone who rewrites the records AND
 * the head consistently (recomputing every hash after the edit) is not caught here. A real
 * deployment anchors the head outside the database (publishes or countersigns it, e.g. daily)
 * and compares; that is left out.
 *
 * Safe while subgraphs keep appending: the records are read first, then the head, and records
 * committed in between are read up to the head before comparing (an honest head is never behind
 * a committed record, because both move in one transaction).
 */
export async function verifyAccessLog(store: AccessLogStore): Promise<AccessLogVerdict> {
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;

  const walk = async (range: { afterSeq?: number; throughSeq?: number }): Promise<AccessLogVerdict | null> => {
    try {
      for await (const record of store.readAll(range)) {
        const expected = lastSeq + 1;
        if (record.seq !== expected) {
          return record.seq > expected
            ? { ok: false, atSeq: expected, problem: `${describeRange(expected, record.seq - 1)} missing: the chain jumps from #${lastSeq} to #${record.seq} (removed)` }
            : { ok: false, atSeq: record.seq, problem: `record #${record.seq} comes after #${lastSeq} (reordered)` };
        }
        if (record.previousHash !== lastHash) {
          return {
            ok: false,
            atSeq: record.seq,
            problem: `its previousHash is not the hash of ${lastSeq === 0 ? 'the genesis' : `record #${lastSeq}`} (records removed or reordered)`,
          };
        }
        if (hashAccessRecord(record) !== record.hash) {
          return { ok: false, atSeq: record.seq, problem: 'its content does not match its hash (changed)' };
        }
        lastSeq = record.seq;
        lastHash = record.hash;
      }
      return null;
    } catch (error) {
      if (error instanceof UnreadableAccessRecordError) return { ok: false, atSeq: error.seq, problem: error.message };
      throw error;
    }
  };

  const broken = await walk({});
  if (broken) return broken;
  const head = await store.readHead();
  if (head.seq > lastSeq) {
    // Appends committed while we walked: follow them up to the head we just read.
    const later = await walk({ afterSeq: lastSeq, throughSeq: head.seq });
    if (later) return later;
  }
  if (head.seq > lastSeq) {
    return { ok: false, atSeq: lastSeq + 1, problem: `the log ends at #${lastSeq} but its head names #${head.seq}: records at the end were removed (truncated)` };
  }
  if (head.seq < lastSeq) {
    return { ok: false, atSeq: head.seq + 1, problem: `the head names #${head.seq} but records run to #${lastSeq}: rows were added without going through the store` };
  }
  if (head.hash !== lastHash) {
    return { ok: false, atSeq: lastSeq, problem: `the head's hash is not the hash of ${lastSeq === 0 ? 'the genesis' : `record #${lastSeq}`} (head or tail rewritten)` };
  }
  return { ok: true, records: lastSeq };
}

function describeRange(from: number, to: number): string {
  return from === to ? `record #${from} is` : `records #${from} to #${to} are`;
}
