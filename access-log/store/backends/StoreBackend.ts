import type { AccessRecord } from '../../record/AccessEntry.js';
import type { NormalizedAccessEntry } from '../../record/normalizeAccessEntry.js';
import type { PolicyVersion } from '../AccessLogStore.js';
import type { SqlDriver } from '../../sql/SqlDriver.js';

/** Where the access log lives, as AUDIT_DATABASE_URL names it (store/openAccessLogStore.ts). */
export type AccessLogLocation = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface OpenDriverOptions {
  /** Create the log's tables when they are missing (false for the audit tools: verify, export). */
  create: boolean;
  /** SQLite only: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** PostgreSQL only: the most connections its pool opens (default 10). */
  maxConnections?: number;
}

/** What one chain's writer needs besides its database. */
export interface ChainWriterContext {
  chain: string;
  /** The policy versions the records name that the log does not hold yet (store/policyBook.ts). */
  newPolicyVersions(records: readonly AccessRecord[]): PolicyVersion[];
}

/**
 * One chain's writer: commits a group of entries (store/groupCommit.ts) as the chain's next
 * records, with their subject index, any new policy version and the moved head, all in one
 * transaction; resolves with the records as written, in order, or throws and writes nothing.
 */
export interface ChainWriter {
  write(entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]>;
  /**
   * How many groups it may be handed before the first resolves (default 1). More only when it
   * commits them in the order handed, each onto the head the one before left, and a group's
   * failure cannot break the next one's chain: SQLite's, whose transactions queue and read the
   * head inside, so the next group is written while the last one's sync runs.
   */
  readonly concurrency?: number;
}

/**
 * A database the access log can live in, registered by its URL scheme in storeBackends.ts, as
 * Cerbos registers its audit backends: one interface, one implementation per backend. The
 * readers (read/) are the same SQL on every backend; what differs is how a database is opened
 * and how a group is committed.
 */
export interface StoreBackend<Location extends AccessLogLocation = AccessLogLocation> {
  readonly kind: Location['kind'];
  /** The URL forms naming this backend, for messages (`postgres://…`). */
  readonly forms: readonly string[];
  /** The location a URL names when it is one of this backend's; null when it is not. */
  locate(url: string): Location | null;
  open(location: Location, options: OpenDriverOptions): Promise<SqlDriver>;
  createWriter(driver: SqlDriver, context: ChainWriterContext): ChainWriter;
}
