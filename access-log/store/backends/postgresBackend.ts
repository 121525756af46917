import type { AccessRecord } from '../../record/AccessEntry.js';
import type { PolicyVersion } from '../AccessLogStore.js';
import { chainOnto, createChainRow, readChainHead, type Head } from '../chainRecords.js';
import { ACCESS_RECORD_COLUMNS } from '../../sql/accessLogSchema.js';
import { toAccessRecordRow } from '../../sql/accessRecordRow.js';
import type { SqlDriver } from '../../sql/SqlDriver.js';
import { openPostgresDriver } from './postgresDriver.js';
import type { ChainWriter, ChainWriterContext, StoreBackend } from './StoreBackend.js';

/** PostgreSQL, for a city's load and several replicas: `postgres://…` or `postgresql://…`. */
export const postgresBackend: StoreBackend<{ kind: 'postgres'; url: string }> = {
  kind: 'postgres',
  forms: ['postgres://...', 'postgresql://...'],
  locate: (url) => (/^postgres(ql)?:\/\//i.test(url) ? { kind: 'postgres', url } : null),
  open: (location, options) => openPostgresDriver(location.url, options),
  createWriter: postgresChainWriter,
};

/**
 * PostgreSQL: the whole group in ONE statement, so one round trip and one implicit transaction:
 * the chain's head is moved only if it is still exactly where this writer left it, seq and hash
 * (a writer is its chain's only one, so it keeps the head in memory), and the records, their subject index and
 * any new policy version are inserted only if the head moved (CROSS JOIN on the UPDATE's row).
 * Nothing moved means someone else wrote this chain: nothing is written and the append fails.
 *
 * One group at a time (ChainWriter.concurrency 1): a second group sent on another connection
 * while the first runs may reach the server first, find the head not yet moved and fail; one
 * connection would not help, since node-postgres sends a connection's next query only after the
 * last one's answer.
 */
function postgresChainWriter(driver: SqlDriver, { chain, newPolicyVersions }: ChainWriterContext): ChainWriter {
  let chainRowMade = false;
  let knownHead: Head | null = null;
  return {
    async write(entries) {
      if (!chainRowMade) await createChainRow(driver, chain);
      const head = (knownHead ??= await readChainHead(driver, chain));
      const records = chainOnto(chain, head, entries);
      let moved: number;
      try {
        const params = groupParameters(chain, head, records, newPolicyVersions(records));
        const [result] = await driver.all<{ moved: unknown }>(GROUP_STATEMENT, params, {
          prepared: GROUP_STATEMENT_NAME,
        });
        moved = Number(result?.moved);
      } catch (error) {
        knownHead = null;
        throw error;
      }
      if (moved !== 1) {
        knownHead = null;
        throw new Error(
          `the head of chain ${chain} is not where this writer left it (another writer, or the row is gone): nothing was written`,
        );
      }
      chainRowMade = true;
      const last = records.at(-1)!;
      knownHead = { seq: last.seq, hash: last.hash };
      return records;
    },
  };
}

/** The record columns' types, in ACCESS_RECORD_COLUMNS order: seq is the one number. */
const RECORD_TYPES = ACCESS_RECORD_COLUMNS.map((column) => (column === 'seq' ? 'bigint' : 'text'));
const COLUMNS = ACCESS_RECORD_COLUMNS.join(', ');
const RECORDS_FROM = RECORD_TYPES.map((type, i) => `$${5 + i}::${type}[]`).join(', ');
const AFTER_RECORDS = 5 + RECORD_TYPES.length;
const [KINDS, IDS, SEQS, HASHES, DEPARTMENTS, DOCUMENTS, FIRST_USED] = Array.from(
  { length: 7 },
  (_, i) => AFTER_RECORDS + i,
);

/**
 * The one statement writing a group (see postgresChainWriter). Its text is the same for every
 * group, whatever its size: each column arrives as one array, unnested into rows (the records,
 * the subject index, the policy versions; an empty array inserts nothing), so PostgreSQL parses
 * and plans it once per connection (a named prepared statement) and a group of any size binds
 * the same 28 parameters. This is the fixed-size index insert on PostgreSQL: one statement for any
 * number of index rows, where SQLite uses statements of 64, 8 and 1 rows (sqliteBackend.ts).
 * No `?` in this text: the driver's `?` numbering leaves the `$n` placeholders alone.
 */
const GROUP_STATEMENT = [
  'WITH moved AS (UPDATE access_chains SET last_seq = $1::bigint, last_hash = $2::text WHERE chain = $3::text AND last_seq = $4::bigint AND last_hash = $28::text RETURNING chain),',
  `written AS (INSERT INTO access_records (${COLUMNS}) SELECT v.* FROM unnest(${RECORDS_FROM}) AS v(${COLUMNS}) CROSS JOIN moved RETURNING id, seq),`,
  `indexed AS (INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) SELECT v.kind, v.id, written.id FROM unnest($${KINDS}::text[], $${IDS}::text[], $${SEQS}::bigint[]) AS v(kind, id, seq) JOIN written ON written.seq = v.seq),`,
  `kept AS (INSERT INTO access_policies (hash, department, document, first_used) SELECT v.hash, v.department, v.document, $${FIRST_USED}::text FROM unnest($${HASHES}::text[], $${DEPARTMENTS}::text[], $${DOCUMENTS}::text[]) AS v(hash, department, document) CROSS JOIN moved ON CONFLICT (hash) DO NOTHING)`,
  'SELECT (SELECT count(*) FROM moved) AS moved',
].join(' ');
const GROUP_STATEMENT_NAME = 'access-log-write-group-v2';

/** GROUP_STATEMENT's parameters for one group: the head move, then one array per column. */
function groupParameters(
  chain: string,
  head: Head,
  records: readonly AccessRecord[],
  versions: readonly PolicyVersion[],
): unknown[] {
  const last = records.at(-1)!;
  const rows = records.map(toAccessRecordRow);
  const columns = RECORD_TYPES.map((_, c) => rows.map((row) => row[c]));
  const kinds: string[] = [];
  const ids: string[] = [];
  const seqs: number[] = [];
  for (const record of records) {
    for (const subject of record.subjects) {
      kinds.push(subject.kind);
      ids.push(subject.id);
      seqs.push(record.seq);
    }
  }
  return [
    last.seq,
    last.hash,
    chain,
    head.seq,
    ...columns,
    kinds,
    ids,
    seqs,
    versions.map((version) => version.hash),
    versions.map((version) => version.department),
    versions.map((version) => version.document),
    new Date().toISOString(),
    head.hash,
  ];
}
