import type { AccessEntry, AccessRecord } from '../record/AccessEntry.js';
import type { AccessLogReader, PolicyVersion, StoredCheckpoint } from '../read/AccessLogReader.js';

export {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogPage,
  type AccessLogPageRequest,
  type AccessLogReader,
  type ChainHead,
  type PolicyVersion,
  type StoredCheckpoint,
} from '../read/AccessLogReader.js';

/**
 * The tamper-evident access log (docs/access-log.md), on SQLite or PostgreSQL with the same
 * schema. Each store is one writer with its own hash chain; appends from concurrent requests are
 * committed in groups; verifyAccessLog walks every chain.
 */
export interface AccessLogStore extends AccessLogReader {
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
  appendCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  close(): Promise<void>;
}
