/**
 * Resilient legacy calls (DESIGN.md, "Behaviour under trouble"): one guard per department's
 * legacy system, with a budget, a bulkhead, a circuit breaker, retries and per-attempt timeouts.
 */
export { createLegacyGuard } from './createLegacyGuard.js';
export { isTransientReason } from './isTransientReason.js';
export type {
  CircuitStatus,
  LegacyCallOutcome,
  LegacyGuard,
  LegacyGuardEvents,
  LegacyGuardOptions,
  LegacyGuardState,
  LegacyRunOptions,
} from './LegacyGuard.js';
export { LEGACY_GUARD_DEFAULTS, readLegacyGuardOptions, type LegacyGuardSettings } from './readLegacyGuardOptions.js';
export { unavailableReasonOf } from './unavailableReasonOf.js';
