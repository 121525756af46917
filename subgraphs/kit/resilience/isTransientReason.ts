import type { UnavailableReason } from '../../../core/errors.js';

/**
 * The reasons that say the legacy system is unwell rather than that it refused us: a later try
 * may well succeed, so an idempotent read is retried, and a run of them opens the circuit.
 *
 * Left out on purpose:
 * - 'rejected': the system refused what we sent (credentials, a batch too large, bad input);
 *   the same request gets the same refusal, and a healthy system refusing us is no reason to
 *   stop calling it for everyone.
 * - 'malformed': the system answered, quickly, with something that breaks its contract: a
 *   record that does not fit the schema, an envelope cut short. The usual cause is a bad record
 *   or a changed interface, which answers the same every time, so a retry only repeats the
 *   whole cost of the read (a large one: 1,000 shareholders); and opening the circuit on it
 *   would let one bad record take a whole department offline.
 * - 'circuit-open': retrying inside the breaker's refusal would only spin.
 */
const TRANSIENT_REASONS: ReadonlySet<UnavailableReason> = new Set<UnavailableReason>([
  'unreachable',
  'timeout',
  'fault',
  'overloaded',
]);

export function isTransientReason(reason: UnavailableReason | null): boolean {
  return reason !== null && TRANSIENT_REASONS.has(reason);
}
