import type { Department, UnavailableReason } from '../../../core/errors.js';

/** The circuit of one department's legacy system, as operators read it. */
export type CircuitStatus = 'closed' | 'open' | 'half-open';

/** How one guarded call ended: 'ok', the DEPARTMENT_UNAVAILABLE reason, or 'error' for anything unexpected. */
export type LegacyCallOutcome = 'ok' | UnavailableReason | 'error';

/**
 * What a guard tells whoever watches it (metrics: core/operations/). Every hook is
 * optional; a hook that throws is ignored, since watching must never fail a call.
 */
export interface LegacyGuardEvents {
  /** One `run` settled, after its retries; `durationMs` includes any wait in the bulkhead's queue. */
  onCall(operation: string, outcome: LegacyCallOutcome, durationMs: number): void;
  /** An attempt failed for a transient reason and is tried again after `delayMs`; `attempt` counts from 1. */
  onRetry(operation: string, attempt: number, reason: UnavailableReason, delayMs: number): void;
  onCircuitChange(state: CircuitStatus): void;
}

/** The knobs of a guard; readLegacyGuardOptions says where each comes from and its default. */
export interface LegacyGuardOptions {
  /** The deadline of one attempt; the request to the legacy system is aborted when it passes. */
  timeoutMs: number;
  /** The deadline of a whole `run`: queueing, every attempt and every backoff together. */
  budgetMs: number;
  /** How often a failed idempotent read is tried again (0: never). */
  retries: number;
  /** The first backoff before a retry; later ones grow exponentially, with jitter. */
  retryInitialDelayMs: number;
  /** No backoff is longer than this. */
  retryMaxDelayMs: number;
  /** Calls in flight to this legacy system at once. */
  maxConcurrent: number;
  /** Calls waiting for a free slot; beyond that a call fails at once as 'overloaded'. */
  maxQueued: number;
  /** Consecutive failed runs that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit refuses calls before letting one test call through (half-open). */
  breakerResetMs: number;
  events: Partial<LegacyGuardEvents>;
}

export interface LegacyGuardState {
  circuit: CircuitStatus;
  /** Calls holding a bulkhead slot now. */
  inFlight: number;
  /** Calls waiting for one. */
  queued: number;
}

export interface LegacyRunOptions {
  /**
   * Whether the call may safely be sent twice. Every operation of the three legacy systems is a
   * query, hence the default; a write must pass false, and is then never retried.
   */
  idempotent?: boolean;
}

/**
 * One department's protection around its legacy system (DESIGN.md, "Behaviour under trouble"):
 * every call to the system goes through `run`, which fails only with DEPARTMENT_UNAVAILABLE
 * naming the department (or lets through an error that is not the system's fault unchanged).
 */
export interface LegacyGuard {
  readonly department: Department;
  /** The options in force, as resolved from the arguments, the environment and the defaults. */
  readonly settings: Readonly<Omit<LegacyGuardOptions, 'events'>>;
  /**
   * Runs `call` under the bulkhead, the circuit breaker, the budget, retries and the per-attempt
   * timeout. `call` must pass `signal` to its request, so that a timed-out attempt is aborted.
   * `operation` names the call for events and metrics; it never holds data.
   */
  run<T>(operation: string, call: (signal: AbortSignal) => Promise<T>, options?: LegacyRunOptions): Promise<T>;
  state(): LegacyGuardState;
}
