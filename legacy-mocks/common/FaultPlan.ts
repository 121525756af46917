/**
 * The faults a legacy mock injects until reset, set through POST /__admin/faults with any subset
 * of these keys (omitted keys keep their values). Other tools drive the mocks through exactly
 * this shape, so its names and meaning do not change.
 */
export interface Faults {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  hangRate: number;
  malformedRate: number;
  down: boolean;
  /**
   * The share (0-1) of writes that take effect (persisted, in the write log) and then lose their
   * answer: the connection is dropped as if the system crashed after its commit. A retry with the
   * same idempotency key gets the first answer. Replays and reads are never affected.
   */
  failAfterWriteRate: number;
  /**
   * Every new write is refused as the system refuses a request on its business rules (tax: 3003,
   * the registry: E2008, social: E5004), not as a failure: for testing what a caller does when a
   * department says no. Replays of writes done before are still answered.
   */
  refuseWrites: boolean;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  hangRate: 0,
  malformedRate: 0,
  down: false,
  failAfterWriteRate: 0,
  refuseWrites: false,
});

/** The longest latency a mock accepts (10 minutes): beyond that, use hangRate. */
const MAX_LATENCY_MS = 600_000;

/** What the mock does with one request under the current faults. */
export type FaultOutcome =
  { kind: 'down' } | { kind: 'hang' } | { kind: 'error' } | { kind: 'malformed' } | { kind: 'serve' };

export class FaultPlan {
  #faults: Faults = { ...NO_FAULTS };

  get current(): Readonly<Faults> {
    return { ...this.#faults };
  }

  /** Merges a partial fault setting; returns the reason when the body is not a valid one. */
  apply(body: unknown): string | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object';
    const next = { ...this.#faults };
    for (const [key, value] of Object.entries(body)) {
      switch (key) {
        case 'latencyMs':
        case 'jitterMs':
          if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS)
            return `${key} must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`;
          next[key] = value;
          break;
        case 'errorRate':
        case 'hangRate':
        case 'malformedRate':
        case 'failAfterWriteRate':
          if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return `${key} must be a number from 0 to 1`;
          next[key] = value;
          break;
        case 'down':
        case 'refuseWrites':
          if (typeof value !== 'boolean') return `${key} must be true or false`;
          next[key] = value;
          break;
        default:
          return `unknown fault '${key.slice(0, 40)}': use latencyMs, jitterMs, errorRate, hangRate, malformedRate, down, failAfterWriteRate or refuseWrites`;
      }
    }
    this.#faults = next;
    return null;
  }

  reset(): void {
    this.#faults = { ...NO_FAULTS };
  }

  /** The delay before answering: latency plus a uniform jitter of ± jitterMs, never negative. */
  delayMs(): number {
    const { latencyMs, jitterMs } = this.#faults;
    return Math.max(0, latencyMs + (jitterMs > 0 ? (Math.random() * 2 - 1) * jitterMs : 0));
  }

  /** Draws the outcome of one request: down wins, then hang, error and malformed by their rates. */
  draw(): FaultOutcome {
    const faults = this.#faults;
    if (faults.down) return { kind: 'down' };
    if (faults.hangRate > 0 && Math.random() < faults.hangRate) return { kind: 'hang' };
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) return { kind: 'error' };
    if (faults.malformedRate > 0 && Math.random() < faults.malformedRate) return { kind: 'malformed' };
    return { kind: 'serve' };
  }

  /** Whether a write that has just taken effect loses its answer (failAfterWriteRate). */
  drawAfterWrite(): boolean {
    const rate = this.#faults.failAfterWriteRate;
    return rate > 0 && Math.random() < rate;
  }
}
