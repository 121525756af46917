import type { Department } from '../../core/errors.js';
import { createLogger, createServiceMetrics, type ServiceMetrics } from '../../core/operations/index.js';
import { createLegacyGuard, type LegacyGuard } from './resilience/index.js';
import type { SubgraphSettings } from './SubgraphSettings.js';

export interface GuardedLegacySystem {
  guard: LegacyGuard;
  /** The subgraph's metrics, with the guard's calls, retries and circuit reported into them. */
  metrics: ServiceMetrics;
  /**
   * Always ready: while the legacy system is down its circuit answers at once, so the subgraph
   * still serves (partial answers). The circuit's state is in the body for operators.
   */
  readiness(): Promise<{ ready: boolean; checks: Record<string, unknown> }>;
}

/**
 * A department's guard around its legacy system (kit/resilience), wired to its metrics, its log
 * and its /ready answer, so startDepartment hands one object to a department's client and to kit.
 */
export function guardLegacySystem(department: Department, settings: SubgraphSettings): GuardedLegacySystem {
  const metrics = createServiceMetrics(`${department}-subgraph`);
  const logger = settings.logger ?? createLogger(`${department}-subgraph`);
  const events = metrics.legacyEvents(department);
  const guard = createLegacyGuard(department, {
    sharedTimeoutMs: settings.legacyTimeoutMs,
    ...settings.legacyGuard,
    events: {
      ...events,
      onCircuitChange: (state) => {
        events.onCircuitChange(state);
        // One line per change, so an operator sees a department go down and come back in the logs.
        if (state === 'open') logger.warn({ department, circuit: state }, 'legacy system unavailable: circuit open');
        else logger.info({ department, circuit: state }, `legacy system circuit ${state}`);
      },
    },
  });
  return {
    guard,
    metrics,
    // Not ready would make a load balancer take every replica of this subgraph (and, through the
    // gateway's check, every gateway) out of service because one legacy system is down.
    readiness: async () => {
      const state = guard.state();
      return {
        ready: true,
        checks: {
          legacySystem: {
            available: state.circuit !== 'open',
            circuit: state.circuit,
            inFlight: state.inFlight,
            queued: state.queued,
          },
        },
      };
    },
  };
}
