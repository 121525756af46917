/** The access log (docs/access-log.md): records, the store on SQLite or PostgreSQL, checkpoints, verification, export. */
export type {
  AccessCaller,
  AccessDecision,
  AccessEntry,
  AccessRecord,
  AccessSubject,
  DeniedCount,
  FieldDecision,
  GivenDecision,
  StoredSubjectAccess,
  SubjectAccess,
  SubjectAccessRecord,
} from './AccessEntry.js';
export {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogPage,
  type AccessLogPageRequest,
  type AccessLogStore,
  type ChainHead,
  type PolicyVersion,
  type StoredCheckpoint,
} from './AccessLogStore.js';
export { canonicalJson } from '../../../core/index.js';
export {
  checkpointFileSinks,
  defaultCheckpointMaxAgeMs,
  fileCheckpointSink,
  makeCheckpoint,
  newestCheckpoint,
  readCheckpoint,
  readCheckpointFile,
  readCheckpointKeys,
  readCheckpointSigner,
  startCheckpointer,
  CHECKPOINT_KEY_NAME,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  DEFAULT_CHECKPOINT_RECORDS,
  type Checkpoint,
  type CheckpointLog,
  type CheckpointSigner,
  type CheckpointSink,
} from './checkpoints.js';
export {
  bearerTokenFile,
  startCheckpointExporter,
  type CheckpointExporter,
  type CheckpointExporterOptions,
} from './checkpointExporter.js';
export {
  allowHttpCheck,
  allowHttpSetting,
  checkpointerSettings,
  checkpointExportCheck,
  checkpointExportSettings,
  plainHttpProblems,
  readCheckpointExportSettings,
  readCheckpointSettings,
  ALLOW_HTTP_VARIABLE,
  type CheckpointExportSettings,
  type CheckpointSettings,
} from './checkpointSettings.js';
export { startCheckpointing } from './startCheckpointing.js';
export { createAccessLogStore, newChainName, MAX_GROUP_COMMIT } from './createAccessLogStore.js';
export {
  exportSubjectAccessLog,
  type ExportedAccessRecord,
  type SubjectAccessLogExport,
} from './exportSubjectAccessLog.js';
export {
  ACCESS_RECORD_HASH_RULE,
  digestSubjectAccess,
  GENESIS_HASH,
  hashAccessRecord,
  hashAccessRecordWithDigests,
} from './hashAccessRecord.js';
export { MAX_SUBJECTS_PER_RECORD } from './normalizeAccessEntry.js';
export {
  accessLogLocation,
  openAccessLogStore,
  type AccessLogLocation,
  type OpenAccessLogOptions,
} from './openAccessLogStore.js';
export { SQLITE_BUSY_TIMEOUT_MS } from './SqlDriver.js';
export { UnreadableAccessRecordError } from './UnreadableAccessRecordError.js';
export { verifyAccessLog, type AccessLogVerdict, type VerifyOptions } from './verifyAccessLog.js';
export {
  createCertificateRegister,
  type CertificateIssuance,
  type CertificateRegister,
  type Revocation,
} from './certificateRegister.js';
