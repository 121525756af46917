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
 * the chain's head is moved only if it is still where this writer left it (a writer is its
 * chain's only one, so it keeps the head in memory), and the records, their subject index and
 * any new policy version are inserted only if the head moved (CROSS JOIN on the UPDATE's row).
 * Nothing moved means someone else wrote this chain: nothing is written and the append fails.
 */
function postgresChainWriter(driver: SqlDriver, { chain, newPolicyVersions }: ChainWriterContext): ChainWriter {
  let chainRowMade = false;
  let knownHead: Head | null = null;
  return {
    async write(entries) {
      if (!chainRowMade) await createChainRow(driver, chain);
      const head = (knownHead ??= await readChainHead(driver, chain));
      const records = chainOnto(chain, head, entries);
      const { sql, params } = groupStatement(chain, head, records, newPolicyVersions(records));
      let moved: number;
      try {
        // No `?` in this text: the driver's `?` numbering leaves the `$n` placeholders alone.
        const [result] = await driver.all<{ moved: unknown }>(sql, params);
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

/** The one statement writing a group (see postgresChainWriter), with its `$n` parameters. */
function groupStatement(
  chain: string,
  head: Head,
  records: readonly AccessRecord[],
  versions: readonly PolicyVersion[],
): { sql: string; params: unknown[] } {
  const last = records.at(-1)!;
  const params: unknown[] = [];
  const bind = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const moveHead = `UPDATE access_chains SET last_seq = ${bind(last.seq, 'bigint')}, last_hash = ${bind(last.hash, 'text')} WHERE chain = ${bind(chain, 'text')} AND last_seq = ${bind(head.seq, 'bigint')} RETURNING chain`;
  const columns = ACCESS_RECORD_COLUMNS.join(', ');
  const recordRows = records.map(
    (record) =>
      `(${toAccessRecordRow(record)
        .map((value, c) => bind(value, c === 1 ? 'bigint' : 'text'))
        .join(', ')})`,
  );
  const subjectRows = records.flatMap((record) =>
    record.subjects.map(
      (subject) => `(${bind(subject.kind, 'text')}, ${bind(subject.id, 'text')}, ${bind(record.seq, 'bigint')})`,
    ),
  );
  const parts = [
    `moved AS (${moveHead})`,
    `written AS (INSERT INTO access_records (${columns}) SELECT v.* FROM (VALUES ${recordRows.join(', ')}) AS v(${columns}) CROSS JOIN moved RETURNING id, seq)`,
  ];
  if (subjectRows.length > 0) {
    parts.push(
      `indexed AS (INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) SELECT v.kind, v.id, written.id FROM (VALUES ${subjectRows.join(', ')}) AS v(kind, id, seq) JOIN written ON written.seq = v.seq)`,
    );
  }
  if (versions.length > 0) {
    const now = new Date().toISOString();
    const rows = versions.map(
      (version) =>
        `(${[version.hash, version.department, version.document, now].map((value) => bind(value, 'text')).join(', ')})`,
    );
    parts.push(
      `kept AS (INSERT INTO access_policies (hash, department, document, first_used) SELECT v.* FROM (VALUES ${rows.join(', ')}) AS v(hash, department, document, first_used) CROSS JOIN moved ON CONFLICT (hash) DO NOTHING)`,
    );
  }
  return { sql: `WITH ${parts.join(', ')} SELECT (SELECT count(*) FROM moved) AS moved`, params };
}
