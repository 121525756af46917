/** What every subgraph shares. Kit knows no department. */
export { assertValidResidentId, assertValidUscc } from './assertValidIds.js';
export { ANONYMOUS, type AuthenticatedCaller, type Caller, type CallerKind } from './caller.js';
export {
  badUserInput,
  departmentUnavailable,
  ERROR_CODES,
  graphError,
  isProductError,
  type Department,
  type ErrorCode,
  type UnavailableReason,
} from './errors.js';
export { canonicalId, isValidResidentId, isValidUscc, residentIdProblem, usccProblem } from './ids.js';
export { maskUnexpectedErrors } from './maskUnexpectedErrors.js';
export {
  defineSubjects,
  type SubjectEntry,
  type SubjectResolvers,
  type TypedSubjects,
} from './privacy/defineSubjects.js';
export type { Subject } from './privacy/types.js';
export { MAX_ACCESS_LOG_PAGE, type AccessLogStore, type SubjectAccessRecord } from './audit/index.js';
export { fenToDecimal, isDecimal, scaleDecimal } from './money.js';
export type { CompanyReference, PersonReference } from './references.js';
export { DateScalar, DateTimeScalar, DecimalScalar } from './scalars.js';
export {
  MAX_BODY_BYTES,
  sendError,
  sendJson,
  serveGraphQL,
  type RequestInfo,
  type Route,
  type RunningServer,
  type ServeOptions,
} from './serveGraphQL.js';
export {
  readSchema,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphContext,
  type SubgraphOptions,
} from './startSubgraph.js';
export { runSubgraphMain, type SubgraphMainOptions } from './runSubgraphMain.js';
export type { SubgraphSettings } from './SubgraphSettings.js';
export {
  CALLER_TOKEN_HEADER,
  CALLER_TOKEN_TTL_SECONDS,
  createCallerTokenSigner,
  createCallerTokenVerifier,
  signCallerToken,
  verifyCallerToken,
} from './identity/callerToken.js';
export {
  dataDirectory,
  devKeyFiles,
  ensureDevKeyPair,
  readPrivateKey,
  readPublicKey,
  SIGNING_ALGORITHM,
} from './identity/keyFiles.js';
export { GATEWAY_KEY_NAME } from './identity/gatewayKey.js';
export { currentRequestId, requestIdHeader, runInRequestScope } from './requestScope.js';
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
