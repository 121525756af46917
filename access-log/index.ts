/**
 * The access log (docs/access-log.md): who looked at whose personal data, when, why and under
 * which rules, kept tamper-evident. Its one face; the rooms behind it:
 * - record/: the record model, how an entry is checked and how a record is hashed;
 * - store/: the store (group commit, one chain per writer) over a backend registered by its URL
 *   scheme (store/backends/: SQLite, PostgreSQL);
 * - read/: a subject's view and the walks verification and exports make;
 * - verify/, checkpoints/, export/: verification, signed checkpoints kept outside the database,
 *   one subject's export;
 * - certificates/: the certificate register, a store of its own in the same database.
 * It imports core/ only: the kit writes to it (recordAccessPlugin), the platform subgraph and the
 * audit tools read it.
 */
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
} from './record/AccessEntry.js';
export {
  ACCESS_RECORD_HASH_RULE,
  digestSubjectAccess,
  GENESIS_HASH,
  hashAccessRecord,
  hashAccessRecordWithDigests,
} from './record/hashAccessRecord.js';
export { MAX_SUBJECTS_PER_RECORD } from './record/normalizeAccessEntry.js';
export { vouchForSubjects } from './record/vouchedSubjects.js';
export { UnreadableAccessRecordError } from './record/UnreadableAccessRecordError.js';

export {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogPage,
  type AccessLogPageRequest,
  type AccessLogReader,
  type AccessLogStore,
  type ChainHead,
  type PolicyVersion,
  type StoredCheckpoint,
} from './store/AccessLogStore.js';
export { createAccessLogStore, type AccessLogStoreOptions } from './store/createAccessLogStore.js';
export { newChainName } from './store/chainName.js';
export { MAX_GROUP_COMMIT, REFUSAL_WINDOW_MS } from './store/groupCommit.js';
export {
  accessLogLocation,
  openAccessLogStore,
  type AccessLogLocation,
  type OpenAccessLogOptions,
} from './store/openAccessLogStore.js';
export type { OpenLogDatabaseOptions } from './store/openLogDatabase.js';
export { SQLITE_BUSY_TIMEOUT_MS } from './store/backends/sqliteDriver.js';

export { verifyAccessLog, type AccessLogVerdict, type VerifyOptions } from './verify/verifyAccessLog.js';

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
} from './checkpoints/checkpoints.js';
export {
  bearerTokenFile,
  startCheckpointExporter,
  type CheckpointExporter,
  type CheckpointExporterOptions,
} from './checkpoints/checkpointExporter.js';
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
} from './checkpoints/checkpointSettings.js';
export { startCheckpointing } from './checkpoints/startCheckpointing.js';

export {
  exportSubjectAccessLog,
  type ExportedAccessRecord,
  type SubjectAccessLogExport,
} from './export/exportSubjectAccessLog.js';

export {
  createCertificateRegister,
  openCertificateRegister,
  type CertificateIssuance,
  type CertificateRegister,
  type OpenedCertificateRegister,
  type Revocation,
} from './certificates/certificateRegister.js';
