export { CallStats, type StatsSnapshot } from './CallStats.js';
export { FaultPlan, NO_FAULTS, type Faults } from './FaultPlan.js';
export {
  readBody,
  sendJson,
  startLegacyServer,
  type FaultResponses,
  type LegacyServerOptions,
  type RunningLegacyServer,
} from './startLegacyServer.js';
export { createSoapHandler, type SoapHandlerOptions } from './createSoapHandler.js';
export { soapFault, soapFaultResponses } from './soapFaults.js';
export {
  WriteStore,
  type WriteLogEntry,
  type WriteOutcome,
  type WriteRecord,
  type WriteStoreOptions,
} from './WriteStore.js';
export { idempotencyKeyProblem, IDEMPOTENCY_KEY_RULE } from './idempotencyKeyProblem.js';
export { overlayFileOf } from './overlayFileOf.js';
export { chinaDate } from './chinaDate.js';
