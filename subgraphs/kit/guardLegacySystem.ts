import type { Department } from '../../core/errors.js';
import { createServiceMetrics, type ServiceMetrics } from '../../core/operations/index.js';
import { createLegacyGuard, type LegacyGuard } from './resilience/index.js';
import type { SubgraphSettings } from './SubgraphSettings.js';

export interface GuardedLegacySystem {
  guard: LegacyGuard;
  /** The subgraph's metrics, with the guard's calls, retries and circuit reported into them. */
  metrics: ServiceMetrics;
  /** Ready while the circuit to the legacy system is not open; the guard's state for operators. */
  readiness(): Promise<{ ready: boolean; checks: Record<string, unknown> }>;
}

/**
 * A department's guard around its legacy system (kit/resilience), wired to its metrics and its
 * /ready answer, so each department's server.ts hands one object to its client and to kit.
 */
export function guardLegacySystem(department: Department, settings: SubgraphSettings): GuardedLegacySystem {
  const metrics = createServiceMetrics(`${department}-subgraph`);
  const guard = createLegacyGuard(department, {
    sharedTimeoutMs: settings.legacyTimeoutMs,
    ...settings.legacyGuard,
    events: metrics.legacyEvents(department),
  });
  return {
    guard,
    metrics,
    readiness: async () => {
      const state = guard.state();
      return {
        ready: state.circuit !== 'open',
        checks: { legacySystem: { circuit: state.circuit, inFlight: state.inFlight, queued: state.queued } },
      };
    },
  };
}
