import type { AccessEntry, AccessRecord, AccessSubject } from './AccessEntry.js';

/** The largest page readBySubject returns, so one query cannot pull a whole subject's history. */
export const MAX_ACCESS_LOG_PAGE = 100;

export interface AccessLogPageRequest {
  /** 1..MAX_ACCESS_LOG_PAGE. */
  first: number;
  /** The endCursor of the previous page. */
  after?: string | null;
  /** Records at or after this ISO timestamp. */
  from?: string | null;
  /** Records strictly before this ISO timestamp (half-open, so consecutive ranges never overlap). */
  to?: string | null;
}

export interface AccessLogPage {
  records: AccessRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The one-row head table: the last record's seq and hash (seq 0 and the genesis hash when empty). */
export interface AccessLogHead {
  seq: number;
  hash: string;
}

/** A slice of the chain by seq: records after `afterSeq` up to and including `throughSeq`. */
export interface AccessLogRange {
  afterSeq?: number;
  throughSeq?: number;
}

/**
 * The tamper-evident access log (DESIGN.md, "Access log"), on SQLite or PostgreSQL with the same
 * schema. Every record carries the hash of the one before; verifyAccessLog walks the chain.
 */
export interface AccessLogStore {
  /**
   * Appends a request's entries atomically (one transaction), chaining each to the one before.
   * Throws if it cannot, or if an entry is malformed: the caller withholds the data then.
   */
  append(entries: readonly AccessEntry[]): Promise<void>;
  /**
   * One subject's records, newest first (by seq, the order they were written); the cursor is
   * opaque. Throws a RangeError for a bad page size, cursor or timestamp.
   */
  readBySubject(subject: AccessSubject, page: AccessLogPageRequest): Promise<AccessLogPage>;
  /** Records in chain order, fetched in batches (the log can be large). */
  readAll(range?: AccessLogRange): AsyncIterable<AccessRecord>;
  /** The head table's row, for verification. */
  readHead(): Promise<AccessLogHead>;
  close(): Promise<void>;
}
