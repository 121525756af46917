import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IsolatedCircuitError,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
} from 'cockatiel';
import { departmentUnavailable, type Department } from '../../../core/errors.js';
import { isTransientReason } from './isTransientReason.js';
import type {
  CircuitStatus,
  LegacyCallOutcome,
  LegacyGuard,
  LegacyGuardEvents,
  LegacyRunOptions,
} from './LegacyGuard.js';
import { readLegacyGuardOptions, type LegacyGuardSettings } from './readLegacyGuardOptions.js';
import { unavailableReasonOf } from './unavailableReasonOf.js';

/**
 * Aggressive deadlines whose signal aborts only when the time is really up. By default cockatiel
 * also aborts the controller when the call returns, which on every *successful* call builds a
 * DOMException with a stack and runs the abort listeners of a request that has already ended
 * (issue 23: 0.7 ms of a dashboard request). A call that returned has nothing left to abort: the
 * request it made is over, and its listeners go with the controller.
 */
const ON_TIME_ONLY = { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false } as const;

/**
 * A department's guard around its legacy system (DESIGN.md, "Behaviour under trouble": every
 * call has a timeout, reads are retried with backoff, a circuit opens on a department that keeps
 * failing). One per legacy system per process: the bulkhead and the circuit count every call.
 *
 * Around each call, outermost first:
 * 1. the budget (an aggressive timeout over everything below, the queue included), so a portal
 *    request waits at most `budgetMs` for this department however the system misbehaves;
 * 2. the bulkhead: `maxConcurrent` calls at once, `maxQueued` waiting, any more fail at once
 *    ('overloaded'), so a slow system cannot soak up the subgraph's sockets and memory;
 * 3. the circuit breaker: after `breakerThreshold` consecutive runs that failed for a transient
 *    reason (isTransientReason) it fails every call at once ('circuit-open') without reaching the
 *    system, and after `breakerResetMs` lets one call through to test it;
 * 4. retries of idempotent reads failing for a transient reason, with exponential backoff and
 *    decorrelated jitter (so a fleet of subgraphs does not retry in step), each only while the
 *    budget left can still hold a whole attempt;
 * 5. the per-attempt timeout (aggressive: the attempt is given up at once, and its signal aborts
 *    the HTTP request).
 * The breaker sees one outcome per run, after the retries: an attempt that a retry repaired
 * was not the system failing the caller.
 *
 * Everything it throws is DEPARTMENT_UNAVAILABLE for `department`, except errors that are not
 * the system's fault (BAD_USER_INPUT, a bug), which pass through unchanged and untouched by
 * retries and the breaker.
 */
export function createLegacyGuard(department: Department, settings: LegacyGuardSettings = {}): LegacyGuard {
  const { events, ...options } = readLegacyGuardOptions(department, settings);
  const budget = timeout(options.budgetMs, ON_TIME_ONLY);
  const slots = bulkhead(options.maxConcurrent, options.maxQueued);
  const breaker = circuitBreaker(
    handleWhen((error) => isTransientReason(unavailableReasonOf(error, department))),
    { halfOpenAfter: options.breakerResetMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) },
  );
  const attemptTimeout = timeout(options.timeoutMs, ON_TIME_ONLY);
  const backoff = new ExponentialBackoff({
    initialDelay: options.retryInitialDelayMs,
    maxDelay: options.retryMaxDelayMs,
  });
  breaker.onStateChange((state) => notify(events, 'onCircuitChange', circuitStatusOf(state)));

  /** One attempt under its own deadline; a deadline that passed is a timeout, whatever the call made of the abort. */
  const attempt = async <T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> => {
    try {
      return await attemptTimeout.execute(async ({ signal: attemptSignal }) => {
        // The budget ran out during a backoff: no new request for an answer nobody waits for.
        if (attemptSignal.aborted) throw new TaskCancelledError();
        try {
          return await call(attemptSignal);
        } catch (error) {
          throw attemptSignal.aborted && unavailableReasonOf(error, department) === null
            ? departmentUnavailable(department, 'timeout', error)
            : error;
        }
      }, signal);
    } catch (error) {
      throw error instanceof TaskCancelledError ? departmentUnavailable(department, 'timeout', error) : error;
    }
  };

  return {
    department,
    settings: Object.freeze({ ...options }),

    async run<T>(
      operation: string,
      call: (signal: AbortSignal) => Promise<T>,
      runOptions: LegacyRunOptions = {},
    ): Promise<T> {
      const started = performance.now();
      // A retry that the budget would cut off midway only adds load on a system already failing.
      const budgetHoldsAnAttempt = () => options.budgetMs - (performance.now() - started) >= options.timeoutMs;
      const retries = retry(
        handleWhen((error) => isTransientReason(unavailableReasonOf(error, department)) && budgetHoldsAnAttempt()),
        {
          maxAttempts: runOptions.idempotent === false ? 0 : options.retries,
          backoff,
        },
      );
      retries.onRetry((retried) => {
        const reason = 'error' in retried ? unavailableReasonOf(retried.error, department) : null;
        if (reason) notify(events, 'onRetry', operation, retried.attempt, reason, retried.delay);
      });
      try {
        const result = await budget.execute(({ signal }) =>
          slots.execute(
            () =>
              breaker.execute(
                ({ signal: breakerSignal }) =>
                  retries.execute(({ signal: retrySignal }) => attempt(call, retrySignal), breakerSignal),
                signal,
              ),
            signal,
          ),
        );
        notify(events, 'onCall', operation, 'ok', performance.now() - started);
        return result;
      } catch (error) {
        const failure = toGuardFailure(error, department);
        notify(events, 'onCall', operation, outcomeOf(failure, department), performance.now() - started);
        throw failure;
      }
    },

    state() {
      return {
        circuit: circuitStatusOf(breaker.state),
        inFlight: options.maxConcurrent - slots.executionSlots,
        queued: options.maxQueued - slots.queueSlots,
      };
    },
  };
}

/** The policies' own refusals, in the department's terms; the call's own errors are already. */
function toGuardFailure(error: unknown, department: Department): unknown {
  if (error instanceof BulkheadRejectedError) return departmentUnavailable(department, 'overloaded', error);
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError)
    return departmentUnavailable(department, 'circuit-open', error);
  // The budget ran out. Calls ahead in the queue started earlier and so time out earlier,
  // freeing their slots: a queued call is in practice always running when its budget ends.
  if (error instanceof TaskCancelledError) return departmentUnavailable(department, 'timeout', error);
  return error;
}

function outcomeOf(failure: unknown, department: Department): LegacyCallOutcome {
  return unavailableReasonOf(failure, department) ?? 'error';
}

function circuitStatusOf(state: CircuitState): CircuitStatus {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half-open';
  return 'open';
}

/** Calls a hook if there is one; a hook that throws must not fail the call it reports on. */
function notify<K extends keyof LegacyGuardEvents>(
  events: Partial<LegacyGuardEvents>,
  hook: K,
  ...args: Parameters<LegacyGuardEvents[K]>
): void {
  try {
    (events[hook] as ((...hookArgs: Parameters<LegacyGuardEvents[K]>) => void) | undefined)?.(...args);
  } catch {
    // Ignored on purpose: metrics are an observer, never a reason to refuse data.
  }
}
