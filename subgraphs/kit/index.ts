/** What every subgraph shares. Kit knows no department. */
// The neutral code every subgraph needs as well (errors, IDs, money, identity, serving, logging): core/.
export * from '../../core/index.js';
export { assertValidResidentId, assertValidUscc } from './assertValidIds.js';
// Whose data each type is, as the privacy policy engine (policy/) reads it; the kit enforces the policy.
export {
  defineSubjects,
  type Subject,
  type SubjectEntry,
  type SubjectResolvers,
  type TypedSubjects,
} from '../../policy/index.js';
export {
  MAX_ACCESS_LOG_PAGE,
  type AccessLogStore,
  type CertificateRegister,
  type SubjectAccessRecord,
} from '../../access-log/index.js';
export type { CompanyReference, PersonReference } from './references.js';
export type { ApplicationsService, PrefilledValue } from '../../applications/graph/ApplicationsFrontDesk.js';
export type { ApplicationView, PendingDecision, StepView } from '../../applications/engine/ApplicationStore.js';
export type { Matter } from '../../applications/matters/Matter.js';
export {
  readSchema,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphContext,
  type SubgraphOptions,
} from './startSubgraph.js';
export {
  defineDepartment,
  type DepartmentDefinition,
  type DepartmentStores,
  type LegacyConnection,
  type LegacyDepartmentDefinition,
  type ResolverParts,
  type StoreDepartmentDefinition,
} from './defineDepartment.js';
export { startDepartment } from './startDepartment.js';
export { runSubgraphMain } from './runSubgraphMain.js';
export type { SubgraphSettings } from './SubgraphSettings.js';
export { daysInMonth, isoDateOrNull, toIsoDate } from './legacyDates.js';
export { guardLegacySystem, type GuardedLegacySystem } from './guardLegacySystem.js';
export {
  batchByKey,
  LegacyRestClient,
  LegacySoapClient,
  pathOf,
  readAnswer,
  readSoapFault,
  readXmlRecords,
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
export {
  assertIdempotencyKey,
  callSoapWrite,
  MAX_REASON,
  optionalReason,
  requiredText,
  type RefusalReasons,
} from './writes/index.js';
export {
  createCertificateIssuer,
  type CertificateIssuer,
  type CertificateRequest,
  type IssuedCertificate,
} from './certificates/index.js';
