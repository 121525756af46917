/** The access log (DESIGN.md, "Access log"): records, the store on SQLite or PostgreSQL, verification, export. */
export type { AccessCaller, AccessDecision, AccessEntry, AccessRecord, AccessSubject, FieldDecision } from './AccessEntry.js';
export {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogHead,
  type AccessLogPage,
  type AccessLogPageRequest,
  type AccessLogRange,
  type AccessLogStore,
} from './AccessLogStore.js';
export { canonicalJson } from './canonicalJson.js';
export { exportSubjectAccessLog, type SubjectAccessLogExport } from './exportSubjectAccessLog.js';
export { ACCESS_RECORD_HASH_RULE, GENESIS_HASH, hashAccessRecord } from './hashAccessRecord.js';
export { accessLogLocation, openAccessLogStore, type AccessLogLocation, type OpenAccessLogOptions } from './openAccessLogStore.js';
export { openPostgresAccessLogStore, type PostgresAccessLogOptions } from './openPostgresAccessLogStore.js';
export { openSqliteAccessLogStore, SQLITE_BUSY_TIMEOUT_MS, type SqliteAccessLogOptions } from './openSqliteAccessLogStore.js';
export { UnreadableAccessRecordError } from './UnreadableAccessRecordError.js';
export { verifyAccessLog, type AccessLogVerdict } from './verifyAccessLog.js';
