import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { canonicalId } from '../../../core/ids.js';
import type { AccessEntry, AccessRecord, AccessSubject, SubjectAccessRecord } from './AccessEntry.js';
import {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogPage,
  type AccessLogStore,
  type ChainHead,
  type PolicyVersion,
} from './AccessLogStore.js';
import { ACCESS_RECORD_COLUMNS } from './accessLogSchema.js';
import { fromAccessRecordRow, toAccessRecordRow, type AccessRecordRow } from './accessRecordRow.js';
import { GENESIS_HASH, hashAccessRecord } from './hashAccessRecord.js';
import { MAX_SUBJECTS_PER_RECORD, normalizeAccessEntry, type NormalizedAccessEntry } from './normalizeAccessEntry.js';
import { createCertificateRegister } from './certificateRegister.js';
import type { SqlDriver, SqlExecutor } from './SqlDriver.js';
import { toUtcTimestamp } from './toUtcTimestamp.js';

/** Requests committed in one transaction at most; more wait for the next group. */
export const MAX_GROUP_COMMIT = 200;
/** Rows per round trip when walking the whole log: large enough to be quick, small enough to hold. */
const READ_BATCH = 1000;
/** Rows per multi-row INSERT on PostgreSQL (at most 65,535 parameters per statement). */
const ROWS_PER_INSERT = 1000;
const CHAIN_NAME = /^[A-Za-z0-9._:@-]{1,120}$/;

/**
 * How long an entry of refusals only waits for the other parts of its request before it is
 * written: the gateway asks a department for one request several times (once per alias, say),
 * all at once, and those parts become one security event. Nothing personal waits on it (see
 * recordAccessPlugin); a crash loses at most this much of refusals.
 */
export const REFUSAL_WINDOW_MS = 250;

export interface AccessLogStoreOptions {
  /** This writer's chain; default a new name per process start (see newChainName). */
  chain?: string;
  /** See REFUSAL_WINDOW_MS. */
  refusalWindowMs?: number;
}

/**
 * A chain name for a writer: its role (the department), host and process, and a random part, so
 * a restarted process starts a chain of its own and two replicas never share one by accident
 * (if they did, they would still take turns on the chain's row, never fork it).
 */
export function newChainName(writer = 'writer'): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 40) || 'host';
  return `${writer.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 32)}@${host}:${process.pid}.${randomBytes(4).toString('hex')}`;
}

interface Waiting {
  /** The request and how it was decided: entries with the same key become one record. */
  key: string;
  entry: NormalizedAccessEntry;
  settle: Array<{ resolve(record: AccessRecord): void; reject(error: unknown): void }>;
}

/** What must match for two entries to be one record: the same request, seen the same way. */
function mergeKey(entry: NormalizedAccessEntry): string {
  const { requestId, correlationId, department, caller, purpose, policy } = entry;
  return JSON.stringify([
    requestId,
    correlationId,
    department,
    caller.kind,
    caller.sub,
    caller.roles,
    caller.azp,
    purpose,
    policy,
  ]);
}

const OPENNESS = { masked: 1, allowed: 2 } as const;

/**
 * Folds `extra` into `target` (both waiting for the same record): subjects united, a field kept
 * with the decision that left the most, refusals summed. False when the result would be too large.
 */
function mergeEntries(target: NormalizedAccessEntry, extra: NormalizedAccessEntry): boolean {
  const byKey = new Map(target.subjects.map((subject) => [`${subject.kind}:${subject.id}`, subject]));
  const added = extra.subjects.filter((subject) => !byKey.has(`${subject.kind}:${subject.id}`));
  if (target.subjects.length + added.length > MAX_SUBJECTS_PER_RECORD) return false;
  for (const subject of extra.subjects) {
    const known = byKey.get(`${subject.kind}:${subject.id}`);
    if (!known) continue;
    for (const field of subject.fields) {
      const earlier = known.fields.find((candidate) => candidate.field === field.field);
      if (!earlier) known.fields.push(field);
      else if (OPENNESS[field.decision] > OPENNESS[earlier.decision]) earlier.decision = field.decision;
    }
  }
  target.subjects = [...target.subjects, ...added].sort(bySubject);
  const denied = new Map(target.denied.map((item) => [item.field, item.count]));
  for (const item of extra.denied) denied.set(item.field, (denied.get(item.field) ?? 0) + item.count);
  target.denied = [...denied]
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return true;
}

/** PostgreSQL binds at most 65,535 parameters in one statement: a group stays well below. */
const MAX_PARAMETERS_PER_GROUP = 50_000;

/** How many of the waiting entries go in the next group: at most MAX_GROUP_COMMIT, and within the parameter budget. */
function groupSize(waiting: readonly Waiting[]): number {
  let parameters = 0;
  let size = 0;
  for (const item of waiting) {
    parameters += ACCESS_RECORD_COLUMNS.length + 3 * item.entry.subjects.length + 4;
    if (size > 0 && (size === MAX_GROUP_COMMIT || parameters > MAX_PARAMETERS_PER_GROUP)) break;
    size += 1;
  }
  return size;
}

function bySubject(a: { kind: string; id: string }, b: { kind: string; id: string }): number {
  return a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1;
}

/**
 * The access log over a SQL driver (docs/access-log.md): written once for SQLite and PostgreSQL.
 *
 * Group commit: append queues the request's entry; one flush at a time takes everything waiting
 * (up to MAX_GROUP_COMMIT) into one transaction that locks this writer's chain row, chains the
 * batch onto its head in order, inserts the records and their subject index, stores any policy
 * version named for the first time, and moves the head. Every append of the group resolves when
 * the transaction commits, or rejects when it fails (no record, no data). An entry for a request
 * that already has one waiting (the gateway often asks a department several times at once for one
 * request, e.g. once per alias) is folded into it, so those parts become one record.
 */
export function createAccessLogStore(driver: SqlDriver, options: AccessLogStoreOptions = {}): AccessLogStore {
  const chain = options.chain ?? newChainName();
  if (!CHAIN_NAME.test(chain)) throw new TypeError('a chain name is 1 to 120 letters, digits and . _ : @ -');
  const policies = new Map<string, PolicyVersion>();
  const storedPolicies = new Set<string>();
  const waiting: Waiting[] = [];
  /** Entries still waiting, by merge key: a later part of the same request joins its record. */
  const pendingByKey = new Map<string, Waiting>();
  /** Entries of refusals only, held for the rest of their request (REFUSAL_WINDOW_MS). */
  const lingering = new Map<string, { item: Waiting; timer: NodeJS.Timeout }>();
  const refusalWindowMs = options.refusalWindowMs ?? REFUSAL_WINDOW_MS;
  const release = (key: string) => {
    const held = lingering.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    lingering.delete(key);
    waiting.push(held.item);
    pendingByKey.set(key, held.item);
    flushing ??= flush();
  };
  let flushing: Promise<void> | null = null;
  let chainRowMade = false;

  /** SQLite: the group in one write transaction, statement by statement (no round trips to save in-process). */
  const writeGroup = async (tx: SqlExecutor, entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]> => {
    // The row is made once per store: if it vanishes later, appends fail rather than restart the chain.
    if (!chainRowMade) {
      await tx.run(
        'INSERT INTO access_chains (chain, started_at, last_seq, last_hash) VALUES (?, ?, 0, ?) ON CONFLICT (chain) DO NOTHING',
        [chain, new Date().toISOString(), GENESIS_HASH],
      );
    }
    // SQLite: BEGIN IMMEDIATE already holds the file's write lock.
    const [head] = await tx.all<{ seq: unknown; hash: string }>(
      'SELECT last_seq AS seq, last_hash AS hash FROM access_chains WHERE chain = ?',
      [chain],
    );
    if (!head) throw new Error(`the access log has no head row for chain ${chain}`);
    const records = chainOnto({ seq: Number(head.seq), hash: head.hash }, entries);
    for (const version of newPolicyVersions(records)) {
      await tx.run(
        'INSERT INTO access_policies (hash, department, document, first_used) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING',
        [version.hash, version.department, version.document, new Date().toISOString()],
      );
    }

    const ids = await insertRecords(tx, records);
    const index = records.flatMap((record, i) => record.subjects.map((subject) => [subject.kind, subject.id, ids[i]!]));
    for (let start = 0; start < index.length; start += ROWS_PER_INSERT) {
      const rows = index.slice(start, start + ROWS_PER_INSERT);
      await tx.run(
        `INSERT INTO access_record_subjects (subject_kind, subject_id, record_id) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
    }
    const last = records.at(-1)!;
    const moved = await tx.run(
      'UPDATE access_chains SET last_seq = ?, last_hash = ? WHERE chain = ? AND last_seq = ?',
      [last.seq, last.hash, chain, Number(head.seq)],
    );
    if (moved !== 1) throw new Error(`the head of chain ${chain} moved during the append`);
    return records;
  };

  /**
   * PostgreSQL: the whole group in ONE statement, so one round trip and one implicit transaction:
   * the chain's head is moved only if it is still where this store left it (this store is its
   * chain's one writer, so it keeps the head in memory), and the records, their subject index and
   * any new policy version are inserted only if the head moved (CROSS JOIN on the UPDATE's row).
   * Nothing moved means someone else wrote this chain: nothing is written and the append fails.
   */
  let knownHead: { seq: number; hash: string } | null = null;
  const writeGroupInOneStatement = async (entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]> => {
    if (!chainRowMade) {
      await driver.run(
        'INSERT INTO access_chains (chain, started_at, last_seq, last_hash) VALUES (?, ?, 0, ?) ON CONFLICT (chain) DO NOTHING',
        [chain, new Date().toISOString(), GENESIS_HASH],
      );
    }
    if (!knownHead) {
      const [row] = await driver.all<{ seq: unknown; hash: string }>(
        'SELECT last_seq AS seq, last_hash AS hash FROM access_chains WHERE chain = ?',
        [chain],
      );
      if (!row) throw new Error(`the access log has no head row for chain ${chain}`);
      knownHead = { seq: Number(row.seq), hash: row.hash };
    }
    const head = knownHead;
    const records = chainOnto(head, entries);
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
    const versions = newPolicyVersions(records);
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
    let moved: number;
    try {
      // No `?` in this text: the driver's `?` numbering leaves the `$n` placeholders alone.
      const [result] = await driver.all<{ moved: unknown }>(
        `WITH ${parts.join(', ')} SELECT (SELECT count(*) FROM moved) AS moved`,
        params,
      );
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
    knownHead = { seq: last.seq, hash: last.hash };
    return records;
  };

  const chainOnto = (
    head: { seq: number; hash: string },
    entries: readonly NormalizedAccessEntry[],
  ): AccessRecord[] => {
    let seq = head.seq;
    let previousHash = head.hash;
    return entries.map((entry): AccessRecord => {
      seq += 1;
      const unhashed = { ...entry, chain, seq, previousHash };
      const record = { ...unhashed, hash: hashAccessRecord(unhashed) };
      previousHash = record.hash;
      return record;
    });
  };

  const newPolicyVersions = (records: readonly AccessRecord[]): PolicyVersion[] =>
    [...new Set(records.map((record) => record.policy))].flatMap((hash) => {
      const version = hash ? policies.get(hash) : undefined;
      return version && !storedPolicies.has(version.hash) ? [version] : [];
    });

  const insertRecords = async (tx: SqlExecutor, records: readonly AccessRecord[]): Promise<number[]> => {
    const columns = ACCESS_RECORD_COLUMNS.join(', ');
    const placeholders = `(${ACCESS_RECORD_COLUMNS.map(() => '?').join(', ')})`;
    const ids: number[] = [];
    for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
      const slice = records.slice(start, start + ROWS_PER_INSERT);
      // RETURNING gives each row's id (the order of writing) for the subject index; matched by seq.
      const rows = await tx.all<{ id: unknown; seq: unknown }>(
        `INSERT INTO access_records (${columns}) VALUES ${slice.map(() => placeholders).join(', ')} RETURNING id, seq`,
        slice.flatMap(toAccessRecordRow),
      );
      const idOfSeq = new Map(rows.map((row) => [Number(row.seq), Number(row.id)]));
      ids.push(...slice.map((record) => idOfSeq.get(record.seq)!));
    }
    return ids;
  };

  const flush = async (): Promise<void> => {
    // First yield, so `flushing` holds this flush before it can end (and clear it).
    await undefined;
    while (waiting.length > 0) {
      const group = waiting.splice(0, groupSize(waiting));
      try {
        for (const item of group) if (pendingByKey.get(item.key) === item) pendingByKey.delete(item.key);
        const entries = group.map((item) => item.entry);
        // One flush at a time, so groups are written in order on either path.
        const records =
          driver.dialect === 'postgres'
            ? await writeGroupInOneStatement(entries)
            : await driver.transaction((tx) => writeGroup(tx, entries));
        chainRowMade = true;
        for (const record of records) if (record.policy) storedPolicies.add(record.policy);
        group.forEach((item, i) => item.settle.forEach(({ resolve }) => resolve(records[i]!)));
      } catch (error) {
        for (const item of group) item.settle.forEach(({ reject }) => reject(error));
      }
    }
    flushing = null;
  };

  return {
    chain,

    append(entry: AccessEntry) {
      let normalised: NormalizedAccessEntry;
      try {
        normalised = normalizeAccessEntry(entry);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AccessRecord>((resolve, reject) => {
        const key = mergeKey(normalised);
        const held = lingering.get(key);
        const pending = pendingByKey.get(key);
        if (held && mergeEntries(held.item.entry, normalised)) {
          held.item.settle.push({ resolve, reject });
          // Personal data joined: it is not kept waiting.
          if (normalised.subjects.length > 0) release(key);
        } else if (pending && mergeEntries(pending.entry, normalised)) {
          pending.settle.push({ resolve, reject });
        } else if (normalised.subjects.length === 0 && refusalWindowMs > 0) {
          const item = { key, entry: normalised, settle: [{ resolve, reject }] };
          lingering.set(key, { item, timer: setTimeout(() => release(key), refusalWindowMs) });
        } else {
          const item = { key, entry: normalised, settle: [{ resolve, reject }] };
          waiting.push(item);
          pendingByKey.set(key, item);
        }
        flushing ??= flush();
      });
    },

    registerPolicy(version) {
      policies.set(version.hash, version);
    },

    readBySubject(subject, page) {
      return readSubjectPage(driver, subject, page);
    },

    async *readSubjectRecords(subject) {
      let afterId = 0;
      for (;;) {
        const rows = await driver.all<AccessRecordRow>(
          `SELECT r.* FROM access_record_subjects s JOIN access_records r ON r.id = s.record_id
           WHERE s.subject_kind = ? AND s.subject_id = ? AND s.record_id > ? ORDER BY s.record_id LIMIT ?`,
          [subject.kind, canonicalId(subject.id), afterId, READ_BATCH],
        );
        for (const row of rows) yield fromAccessRecordRow(row);
        if (rows.length < READ_BATCH) return;
        afterId = Number(rows.at(-1)!.id);
      }
    },

    async *readAll(range) {
      let afterId = range?.afterId ?? 0;
      for (;;) {
        const rows = await driver.all<AccessRecordRow>(
          'SELECT * FROM access_records WHERE id > ? ORDER BY id LIMIT ?',
          [afterId, READ_BATCH],
        );
        for (const row of rows) yield fromAccessRecordRow(row);
        if (rows.length < READ_BATCH) return;
        afterId = Number(rows.at(-1)!.id);
      }
    },

    async *readSubjectIndex() {
      let after: [number, string, string] = [0, '', ''];
      for (;;) {
        const rows = await driver.all<{ record_id: unknown; subject_kind: string; subject_id: string }>(
          `SELECT record_id, subject_kind, subject_id FROM access_record_subjects
           WHERE record_id > ? OR (record_id = ? AND (subject_kind > ? OR (subject_kind = ? AND subject_id > ?)))
           ORDER BY record_id, subject_kind, subject_id LIMIT ?`,
          [after[0], after[0], after[1], after[1], after[2], READ_BATCH],
        );
        for (const row of rows) yield { recordId: Number(row.record_id), kind: row.subject_kind, id: row.subject_id };
        if (rows.length < READ_BATCH) return;
        const last = rows.at(-1)!;
        after = [Number(last.record_id), last.subject_kind, last.subject_id];
      }
    },

    async readChains(): Promise<ChainHead[]> {
      const rows = await driver.all<{ chain: string; seq: unknown; hash: string }>(
        'SELECT chain, last_seq AS seq, last_hash AS hash FROM access_chains ORDER BY chain',
      );
      return rows.map((row) => ({ chain: row.chain, seq: Number(row.seq), hash: row.hash }));
    },

    async readPolicies(hashes) {
      if (hashes.length === 0) return [];
      const rows = await driver.all<PolicyVersion>(
        `SELECT hash, department, document FROM access_policies WHERE hash IN (${hashes.map(() => '?').join(', ')})`,
        [...hashes],
      );
      return rows.map(({ hash, department, document }) => ({ hash, department, document }));
    },

    async appendCheckpoint({ at, jws }) {
      await driver.transaction((tx) => tx.run('INSERT INTO access_checkpoints (at, jws) VALUES (?, ?)', [at, jws]));
    },

    async readCheckpoints() {
      return driver.all<{ at: string; jws: string }>('SELECT at, jws FROM access_checkpoints ORDER BY id');
    },

    certificates: createCertificateRegister(driver),

    async close() {
      for (const key of [...lingering.keys()]) release(key);
      await flushing;
      await driver.close();
    },
  };
}

/** Page cursors: the id of a page's last record, base64url-encoded so clients treat it as opaque. */
function encodeCursor(id: number): string {
  return Buffer.from(`r:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^r:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const value = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(value)) throw new RangeError('after is not a cursor from this access log');
  return value;
}

/** One page of a subject's records, newest first, through the subject index. Checks the request first (RangeError). */
async function readSubjectPage(
  driver: SqlDriver,
  subject: AccessSubject,
  page: Parameters<AccessLogStore['readBySubject']>[1],
): Promise<AccessLogPage> {
  const { first } = page;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ACCESS_LOG_PAGE)
    throw new RangeError(`first must be a whole number from 1 to ${MAX_ACCESS_LOG_PAGE}`);
  if (subject.kind !== 'person' && subject.kind !== 'company')
    throw new RangeError('subject.kind is person or company');
  if (typeof subject.id !== 'string' || subject.id.length === 0) throw new RangeError('subject.id is required');
  const id = canonicalId(subject.id);
  const after = page.after ? decodeCursor(page.after) : null;
  const from = page.from ? toUtcTimestamp(page.from, 'from') : null;
  const to = page.to ? toUtcTimestamp(page.to, 'to') : null;

  const where = new WhereClause('s.subject_kind = ? AND s.subject_id = ?', [subject.kind, id]);
  if (after) where.and('s.record_id < ?', after);
  if (from) where.and('r.at >= ?', from);
  if (to) where.and('r.at < ?', to);
  const rows = await driver.all<AccessRecordRow>(
    `SELECT r.* FROM access_record_subjects s JOIN access_records r ON r.id = s.record_id WHERE ${where.sql} ORDER BY s.record_id DESC LIMIT ?`,
    [...where.params, first + 1],
  );
  const found = rows.map((row) => {
    const record = fromAccessRecordRow(row);
    const own = record.subjects.find((entry) => entry.kind === subject.kind && entry.id === id);
    return {
      ...viewOf(record),
      id: record.id,
      subject: { kind: subject.kind, id },
      fields: own ? own.fields.map(({ field, decision }) => ({ field, decision })) : [],
    };
  });
  const shown = found.slice(0, first);
  const last = shown.at(-1);
  return {
    records: shown.map(({ id: _id, ...record }): SubjectAccessRecord => record),
    endCursor: last ? encodeCursor(last.id) : null,
    hasNextPage: found.length > first,
  };
}

/** Conditions joined with AND, and their parameters in order. */
class WhereClause {
  constructor(
    public sql: string,
    readonly params: unknown[],
  ) {}

  and(condition: string, value: unknown): void {
    this.sql += ` AND ${condition}`;
    this.params.push(value);
  }
}

function viewOf(record: AccessRecord): Omit<SubjectAccessRecord, 'subject' | 'fields'> {
  const { chain, seq, hash, at, requestId, correlationId, department, caller, purpose, policy } = record;
  return { chain, seq, hash, at, requestId, correlationId, department, caller, purpose, policy };
}
