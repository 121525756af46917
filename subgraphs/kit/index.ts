/** What every subgraph shares. Kit knows no department. */
// The neutral code every subgraph needs as well (errors, IDs, money, identity, serving, logging): core/.
export * from '../../core/index.js';
export { assertValidResidentId, assertValidUscc } from './assertValidIds.js';
export {
  defineSubjects,
  type SubjectEntry,
  type SubjectResolvers,
  type TypedSubjects,
} from './privacy/defineSubjects.js';
export type { Subject } from './privacy/types.js';
export { MAX_ACCESS_LOG_PAGE, type AccessLogStore, type SubjectAccessRecord } from '../../access-log/index.js';
export type { CompanyReference, PersonReference } from './references.js';
export {
  readSchema,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphContext,
  type SubgraphOptions,
} from './startSubgraph.js';
export { runSubgraphMain, type SubgraphMainOptions } from './runSubgraphMain.js';
export type { SubgraphSettings } from './SubgraphSettings.js';
export { chunk } from './chunk.js';
export { daysInMonth, isoDateOrNull, toIsoDate } from './legacyDates.js';
export { guardLegacySystem, type GuardedLegacySystem } from './guardLegacySystem.js';
export {
  batchByKey,
  LegacyRestClient,
  LegacySoapClient,
  pathOf,
  readAnswer,
  readSoapFault,
  SOAP_EXCHANGE_PROPERTIES,
  toLegacyUnavailable,
  type KeyBatching,
  type LegacyFailureContext,
  type LegacyHttpAnswer,
  type LegacyRestClientOptions,
  type LegacySoapClientOptions,
  type SoapCallOptions,
  type SoapFault,
} from './legacy/index.js';
export { createLegacyGuard, type LegacyGuard, type LegacyGuardState } from './resilience/index.js';
// The gateway checks a caller's stated purpose against the same roles file the policies use.
export { loadRegistry, REPOSITORY_ROOT, watchPolicy, type CompiledPolicy } from './privacy/index.js';
export {
  createCertificateIssuer,
  type CertificateIssuer,
  type CertificateRequest,
  type IssuedCertificate,
} from './certificates/index.js';
