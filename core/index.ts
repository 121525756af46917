/**
 * The face of core/: what the gateway, the subgraphs' kit and the scripts share. The legacy
 * stand-ins take only the ID and money modules from here. Nothing in core/ imports a user of it.
 */
export { ANONYMOUS, type AuthenticatedCaller, type Caller, type CallerKind } from './caller.js';
export {
  badUserInput,
  departmentRefused,
  departmentUnavailable,
  ERROR_CODES,
  graphError,
  isProductError,
  type Department,
  type ErrorCode,
  type UnavailableReason,
} from './errors.js';
export { canonicalId, isValidResidentId, isValidUscc, residentIdProblem, usccProblem } from './ids.js';
export { fenToDecimal, isDecimal, scaleDecimal } from './money.js';
export { maskUnexpectedErrors } from './maskUnexpectedErrors.js';
export { DateScalar, DateTimeScalar, DecimalScalar, PeriodScalar } from './scalars.js';
export {
  comparePeriodRanges,
  comparePeriods,
  FIRST_PERIOD_YEAR,
  fromCompactPeriod,
  isPeriod,
  LAST_PERIOD_YEAR,
  monthIndexOf,
  monthsOf,
  periodAt,
  periodOfDate,
  periodProblem,
  periodRangeOfDays,
  splitPeriodRange,
  toCompactPeriod,
  type PeriodRange,
} from './period.js';
export {
  costDirectiveNames,
  directiveArgument,
  listSizeOfField,
  readListSize,
  type ListSize,
} from './paging/listSize.js';
export { largestListOf } from './paging/largestListOf.js';
export { pageBoundsOf, type FieldOfSchema, type PageBounds } from './paging/pageBoundsOf.js';
export { chunk } from './paging/chunk.js';
export { cursorAt, positionOf } from './paging/pageCursor.js';
export { firstOf, pageOf, type Page, type PageArguments, type Sliceable } from './paging/pageOf.js';
export { pageSize } from './paging/pageSize.js';
export { canonicalJson } from './canonicalJson.js';
export {
  MAX_BODY_BYTES,
  readLimited,
  sendError,
  sendJson,
  serveGraphQL,
  type RequestInfo,
  type RequestTarget,
  type Route,
  type RunningServer,
  type ServeOptions,
} from './serveGraphQL.js';
export {
  CALLER_TOKEN_HEADER,
  CALLER_TOKEN_TTL_SECONDS,
  createCallerTokenSigner,
  createCallerTokenVerifier,
  signCallerToken,
  verifyCallerToken,
  type GatewayVerificationKey,
} from './identity/callerToken.js';
export { gatewayKeyResolver, type GatewayKeySource } from './identity/gatewayKeyResolver.js';
export { watchSigningKey, type SigningKey, type WatchedSigningKey } from './identity/watchSigningKey.js';
export {
  dataDirectory,
  devKeyFiles,
  ensureDevKeyPair,
  readJwk,
  readPrivateKey,
  readPublicKey,
  SIGNING_ALGORITHM,
} from './identity/keyFiles.js';
export { GATEWAY_KEY_NAME } from './identity/gatewayKey.js';
export {
  ACTING_ISSUER,
  APPLICATIONS_AZP,
  APPLICATIONS_KEY_NAME,
  isActingToken,
  signActingToken,
  verifyActingToken,
  type ActingCaller,
  type ActingFor,
} from './identity/actingToken.js';
export { DEFAULT_AUDIENCE, DEV_ISSUER, DEV_ISSUER_KEY_NAME } from './identity/developmentIssuer.js';
export {
  CLOCK_SKEW_S,
  createBearerTokenVerifier,
  identityKeys,
  MAX_OFFICER_TOKEN_LIFETIME_S,
  MAX_PORTAL_TOKEN_LIFETIME_S,
  type BearerTokenVerifier,
  type TokenIssuerOptions,
} from './identity/verifyBearerToken.js';
export { CODE_ROOT, DEFAULT_PRIVACY_DIR, repositoryRoot } from './repositoryRoot.js';
export { currentRequestId, requestIdHeader, runInRequestScope } from './requestScope.js';
export {
  createLogger,
  createServiceMetrics,
  logRequestsPlugin,
  redactPersonalData,
  redactText,
  type LegacyCallEvents,
  type Logger,
  type ServiceMetrics,
} from './operations/index.js';
