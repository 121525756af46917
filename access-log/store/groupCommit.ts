import type { AccessRecord } from '../record/AccessEntry.js';
import type { NormalizedAccessEntry } from '../record/normalizeAccessEntry.js';
import { ACCESS_RECORD_COLUMNS } from '../sql/accessLogSchema.js';
import { mergeEntries, mergeKey } from './mergeEntries.js';

/** Requests committed in one transaction at most; more wait for the next group. */
export const MAX_GROUP_COMMIT = 200;

/**
 * How long an entry of refusals only waits for the other parts of its request before it is
 * written: the gateway asks a department for one request several times (once per alias, say),
 * all at once, and those parts become one security event. Nothing personal waits on it (see
 * recordAccessPlugin); a crash loses at most this much of refusals.
 */
export const REFUSAL_WINDOW_MS = 250;

/** PostgreSQL binds at most 65,535 parameters in one statement: a group stays well below. */
const MAX_PARAMETERS_PER_GROUP = 50_000;

export interface GroupCommitOptions {
  /** Commits one group of entries onto the chain, in order, in one transaction (a backend's ChainWriter). */
  write(entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]>;
  /**
   * How many groups may be written at once (ChainWriter.concurrency; default 1): more than one
   * only for a writer that commits the groups in the order it was handed them, each onto
   * whatever the one before left (SQLite: one transaction queue, the head read inside it).
   */
  concurrency?: number;
  /** See REFUSAL_WINDOW_MS; 0 writes refusals at once. */
  refusalWindowMs: number;
}

export interface GroupCommit {
  /** Queues the entry (or folds it into its request's waiting one); resolves with its record once committed. */
  add(entry: NormalizedAccessEntry): Promise<AccessRecord>;
  /** Writes the refusals still held and waits until everything queued is committed or failed. */
  drain(): Promise<void>;
}

interface Waiting {
  /** The request and how it was decided: entries with the same key become one record. */
  key: string;
  entry: NormalizedAccessEntry;
  settle: Array<{ resolve(record: AccessRecord): void; reject(error: unknown): void }>;
}

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

/**
 * Group commit (docs/access-log.md): `add` queues a request's entry; the pump takes everything
 * waiting (up to MAX_GROUP_COMMIT) and hands it to `write` as one group, in order, with at most
 * `concurrency` groups being written at once.
 * Every entry of the group resolves with its record when the group commits, or rejects when it
 * fails (no record, no data). An entry for a request that already has one waiting (the gateway
 * often asks a department several times at once for one request, e.g. once per alias) is folded
 * into it, so those parts become one record; an entry of refusals only waits REFUSAL_WINDOW_MS
 * for the rest of its request.
 */
export function startGroupCommit(options: GroupCommitOptions): GroupCommit {
  const waiting: Waiting[] = [];
  /** Entries still waiting, by merge key: a later part of the same request joins its record. */
  const pendingByKey = new Map<string, Waiting>();
  /** Entries of refusals only, held for the rest of their request (REFUSAL_WINDOW_MS). */
  const lingering = new Map<string, { item: Waiting; timer: NodeJS.Timeout }>();
  const concurrency = Math.max(1, options.concurrency ?? 1);
  /** Groups handed to `write` and not yet settled. */
  let active = 0;
  let pumpScheduled = false;
  /** Settles when nothing waits and nothing is being written (drain). */
  let idle: { promise: Promise<void>; resolve(): void } | null = null;

  const enqueue = (item: Waiting) => {
    waiting.push(item);
    pendingByKey.set(item.key, item);
    schedulePump();
  };
  const release = (key: string) => {
    const held = lingering.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    lingering.delete(key);
    enqueue(held.item);
  };

  const writeGroup = async (group: Waiting[]): Promise<void> => {
    try {
      const records = await options.write(group.map((item) => item.entry));
      group.forEach((item, i) => item.settle.forEach(({ resolve }) => resolve(records[i]!)));
    } catch (error) {
      for (const item of group) item.settle.forEach(({ reject }) => reject(error));
    }
  };
  /**
   * Hands waiting entries to `write`, a group at a time, while fewer than `concurrency` groups are
   * being written: in the order they came, so groups are written in order. What arrives while the
   * writes run waits and becomes the next group.
   */
  const pump = () => {
    while (waiting.length > 0 && active < concurrency) {
      const group = waiting.splice(0, groupSize(waiting));
      for (const item of group) if (pendingByKey.get(item.key) === item) pendingByKey.delete(item.key);
      active += 1;
      void writeGroup(group).finally(() => {
        active -= 1;
        pump();
      });
    }
    if (active === 0 && waiting.length === 0 && idle) {
      idle.resolve();
      idle = null;
    }
  };
  const schedulePump = () => {
    if (!idle) {
      let resolve = () => {};
      const promise = new Promise<void>((settle) => (resolve = settle));
      idle = { promise, resolve };
    }
    if (pumpScheduled) return;
    pumpScheduled = true;
    // After the current job: appends made together (one request's parts, say) go in one group.
    queueMicrotask(() => {
      pumpScheduled = false;
      pump();
    });
  };

  return {
    add(entry) {
      return new Promise<AccessRecord>((resolve, reject) => {
        const key = mergeKey(entry);
        const held = lingering.get(key);
        const pending = pendingByKey.get(key);
        if (held && mergeEntries(held.item.entry, entry)) {
          held.item.settle.push({ resolve, reject });
          // Personal data joined: it is not kept waiting.
          if (entry.subjects.length > 0) release(key);
        } else if (pending && mergeEntries(pending.entry, entry)) {
          pending.settle.push({ resolve, reject });
        } else if (entry.subjects.length === 0 && options.refusalWindowMs > 0) {
          const item = { key, entry, settle: [{ resolve, reject }] };
          lingering.set(key, { item, timer: setTimeout(() => release(key), options.refusalWindowMs) });
        } else {
          enqueue({ key, entry, settle: [{ resolve, reject }] });
        }
      });
    },

    async drain() {
      for (const key of [...lingering.keys()]) release(key);
      await idle?.promise;
    },
  };
}
