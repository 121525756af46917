import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../core/operations/index.js';
import type { Readiness } from './readiness.js';

/**
 * Reports what each /ready check found about the departments: `department_up{department}` and
 * `department_legacy_available{department}` in /metrics (1 or 0), and one log line each time a
 * department goes down or comes back. Readiness itself never depends on a legacy system.
 */
export function reportDepartments(registry: Registry, logger: Logger): (readiness: Readiness) => void {
  const up = new Gauge({
    name: 'department_up',
    help: "Whether the gateway reached the department's subgraph at its last /ready check (1) or not (0).",
    labelNames: ['department'],
    registers: [registry],
  });
  const available = new Gauge({
    name: 'department_legacy_available',
    help: "Whether the department's legacy system could be asked at the last /ready check (1) or its circuit was open (0).",
    labelNames: ['department'],
    registers: [registry],
  });
  const last = new Map<string, string>();
  return (readiness) => {
    for (const [department, state] of Object.entries(readiness.checks.subgraphs)) {
      up.set({ department }, state.ready ? 1 : 0);
      available.set({ department }, state.ready && state.legacySystemAvailable ? 1 : 0);
      const now = !state.ready ? 'unreachable' : state.legacySystemAvailable ? 'available' : 'legacy system down';
      const before = last.get(department);
      last.set(department, now);
      if (before === now || (before === undefined && now === 'available')) continue;
      if (now === 'available') logger.info({ department }, 'department available again');
      else logger.warn({ department, state: now }, `department ${now}`);
    }
  };
}
