import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Route } from '../serveGraphQL.js';

/** Latency buckets for a portal request and for a legacy call, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names come from callers: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CIRCUIT_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;

export interface LegacyCallEvents {
  onCall(operation: string, outcome: string, durationMs: number): void;
  onRetry(operation: string): void;
  onCircuitChange(state: keyof typeof CIRCUIT_VALUES): void;
}

export interface ServiceMetrics {
  registry: Registry;
  /** Counts requests, errors by code and latency per operation name. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** GET /metrics in Prometheus' text format. */
  route: Route;
  /** The legacy-call figures of one department, for its resilience guard's events. */
  legacyEvents(department: string): LegacyCallEvents;
}

/**
 * Prometheus metrics (prom-client) for one service, in its own registry so several services can
 * share a process in tests. No label ever carries an ID or a value: operation names are capped
 * and checked, error codes come from the table.
 */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or errors).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const legacyCalls = new Counter({
    name: 'legacy_calls_total',
    help: 'Calls to a legacy system by department, operation and outcome.',
    labelNames: ['department', 'operation', 'outcome'],
    registers: [registry],
  });
  const legacyDuration = new Histogram({
    name: 'legacy_call_duration_seconds',
    help: 'Legacy call latency by department and operation.',
    labelNames: ['department', 'operation'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const legacyRetries = new Counter({
    name: 'legacy_retries_total',
    help: 'Retries of legacy calls by department and operation.',
    labelNames: ['department', 'operation'],
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'legacy_circuit_state',
    help: 'Circuit breaker per department: 0 closed, 1 half-open, 2 open.',
    labelNames: ['department'],
    registers: [registry],
  });

  const seenOperations = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (seenOperations.has(name)) return name;
    if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
    seenOperations.add(name);
    return name;
  };

  return {
    registry,
    plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart() {
          const started = performance.now();
          return {
            async willSendResponse({ operationName, response }) {
              const operation = operationLabel(operationName);
              const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
              const codes = (result?.errors ?? []).map((error) =>
                String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
              );
              for (const code of codes) errors.inc({ code });
              requests.inc({ operation, outcome: codes.length > 0 ? 'errors' : 'ok' });
              duration.observe({ operation }, (performance.now() - started) / 1000);
            },
          };
        },
      };
    },
    route: async (_req, res) => {
      const text = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(text);
    },
    legacyEvents(department) {
      circuit.set({ department }, CIRCUIT_VALUES.closed);
      return {
        onCall: (operation, outcome, durationMs) => {
          legacyCalls.inc({ department, operation, outcome });
          legacyDuration.observe({ department, operation }, durationMs / 1000);
        },
        onRetry: (operation) => legacyRetries.inc({ department, operation }),
        onCircuitChange: (state) => circuit.set({ department }, CIRCUIT_VALUES[state]),
      };
    },
  };
}
