import type { AccessRecord } from '../record/AccessEntry.js';
import { GENESIS_HASH, hashAccessRecord } from '../record/hashAccessRecord.js';
import { sqlLiteral } from './sqlLiteral.js';

/**
 * The SQL an intruder with database access runs to rewrite a chain from `fromSeq` on so that it
 * verifies on its own: every record's content and hashes recomputed, and the head moved along.
 */
export function consistentRewriteSql(
  records: ReadonlyArray<AccessRecord>,
  chain: string,
  fromSeq: number,
  purpose: string,
): string {
  const statements: string[] = [];
  let previousHash = GENESIS_HASH;
  for (const record of records.filter((candidate) => candidate.chain === chain).sort((a, b) => a.seq - b.seq)) {
    if (record.seq < fromSeq) {
      previousHash = record.hash;
      continue;
    }
    const rewritten = { ...record, purpose, previousHash };
    const hash = hashAccessRecord(rewritten);
    statements.push(
      `UPDATE access_records SET purpose = ${sqlLiteral(purpose)}, previous_hash = ${sqlLiteral(previousHash)}, hash = ${sqlLiteral(hash)} WHERE chain = ${sqlLiteral(chain)} AND seq = ${record.seq}`,
    );
    previousHash = hash;
  }
  statements.push(
    `UPDATE access_chains SET last_hash = ${sqlLiteral(previousHash)} WHERE chain = ${sqlLiteral(chain)}`,
  );
  return statements.join(';\n');
}
