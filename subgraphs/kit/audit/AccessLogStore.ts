import type { CertificateRegister } from './certificateRegister.js';
import type { AccessEntry, AccessRecord, AccessSubject, SubjectAccessRecord } from './AccessEntry.js';

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
  /** The signed statement (compact JWS); see audit/checkpoints.ts. */
  jws: string;
}

/**
 * The tamper-evident access log (docs/access-log.md), on SQLite or PostgreSQL with the same
 * schema. Each store is one writer with its own hash chain; appends from concurrent requests are
 * committed in groups; verifyAccessLog walks every chain.
 */
export interface AccessLogStore {
  /** This writer's chain (several processes each append to their own). */
  readonly chain: string;
  /**
   * Appends one request's entry, committed (durably) before the promise resolves, in a group with
   * whatever other requests of this process are waiting. Throws if it cannot, or if the entry is
   * malformed: the caller withholds the data then (no record, no data).
   */
  append(entry: AccessEntry): Promise<AccessRecord>;
  /** Makes a policy version known: it is stored with the first record that names it. */
  registerPolicy(version: PolicyVersion): void;
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
  appendCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  readCheckpoints(): Promise<StoredCheckpoint[]>;
  /** The certificates issued, by serial, and their revocations (same database). */
  readonly certificates: CertificateRegister;
  close(): Promise<void>;
}
