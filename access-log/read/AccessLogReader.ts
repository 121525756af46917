import type { AccessRecord, AccessSubject, SubjectAccessRecord } from '../record/AccessEntry.js';

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
  records: SubjectAccessRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A chain's head as its row in access_chains says: the last record's seq and hash (0 and the genesis hash when empty). */
export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

/** A policy version as kept in the log: the texts that decided, by their hash. */
export interface PolicyVersion {
  hash: string;
  department: string;
  /** Canonical JSON of { department, files: { <file name>: <text> } }; its SHA-256 is `hash`. */
  document: string;
}

export interface StoredCheckpoint {
  at: string;
  /** The signed statement (compact JWS); see checkpoints/checkpoints.ts. */
  jws: string;
}

/**
 * What can be read of the log, the same SQL on every backend (createLogReader): a subject's own
 * view, the whole log in the order written for verification and exports, the chains' heads, the
 * policy texts and the checkpoints kept in the log.
 */
export interface AccessLogReader {
  /**
   * One subject's records, newest first, each as it concerns that subject; the cursor is opaque.
   * Throws a RangeError for a bad page size, cursor or timestamp.
   */
  readBySubject(subject: AccessSubject, page: AccessLogPageRequest): Promise<AccessLogPage>;
  /** Every record listing this subject, whole, in the order written (for exports). */
  readSubjectRecords(subject: AccessSubject): AsyncIterable<AccessRecord & { id: number }>;
  /** Every record, in the order written (by id), fetched in batches. */
  readAll(options?: { afterId?: number }): AsyncIterable<AccessRecord & { id: number }>;
  /** The subject index in record order, for verification. */
  readSubjectIndex(): AsyncIterable<{ recordId: number; kind: string; id: string }>;
  /** Every chain's head row. */
  readChains(): Promise<ChainHead[]>;
  readPolicies(hashes: readonly string[]): Promise<PolicyVersion[]>;
  readCheckpoints(): Promise<StoredCheckpoint[]>;
}
