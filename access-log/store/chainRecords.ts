import type { AccessRecord } from '../record/AccessEntry.js';
import { GENESIS_HASH, hashAccessRecord } from '../record/hashAccessRecord.js';
import type { NormalizedAccessEntry } from '../record/normalizeAccessEntry.js';
import type { SqlExecutor } from '../sql/SqlDriver.js';

/** A chain's head: its last record's seq and hash (0 and the genesis hash when empty). */
export interface Head {
  seq: number;
  hash: string;
}

/**
 * The entries as the next records of `chain` after `head`, in order: each numbered, linked to
 * the one before by previousHash and hashed (record/hashAccessRecord.ts).
 */
export function chainOnto(chain: string, head: Head, entries: readonly NormalizedAccessEntry[]): AccessRecord[] {
  let seq = head.seq;
  let previousHash = head.hash;
  return entries.map((entry): AccessRecord => {
    seq += 1;
    const unhashed = { ...entry, chain, seq, previousHash };
    const record = { ...unhashed, hash: hashAccessRecord(unhashed) };
    previousHash = record.hash;
    return record;
  });
}

/**
 * Makes the chain's row, once per writer: if it vanishes later, appends fail rather than start
 * the chain again from the genesis hash.
 */
export async function createChainRow(executor: SqlExecutor, chain: string): Promise<void> {
  await executor.run(
    'INSERT INTO access_chains (chain, started_at, last_seq, last_hash) VALUES (?, ?, 0, ?) ON CONFLICT (chain) DO NOTHING',
    [chain, new Date().toISOString(), GENESIS_HASH],
  );
}

/** The chain's head as its row says; throws when the row is gone (see createChainRow). */
export async function readChainHead(executor: SqlExecutor, chain: string): Promise<Head> {
  const [row] = await executor.all<{ seq: unknown; hash: string }>(
    'SELECT last_seq AS seq, last_hash AS hash FROM access_chains WHERE chain = ?',
    [chain],
  );
  if (!row) throw new Error(`the access log has no head row for chain ${chain}`);
  return { seq: Number(row.seq), hash: row.hash };
}
