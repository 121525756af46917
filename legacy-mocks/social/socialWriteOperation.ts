import { idempotencyKeyProblem, type CallStats, type WriteStore } from '../common/index.js';
import { fieldOf } from './fieldOf.js';
import { socialFault } from './socialFault.js';

/** What a write operation of the bureau works with. */
export interface SocialWriteContext {
  stats: CallStats;
  writes: WriteStore;
  /** The bureau's clock: dates of opening, claims and decisions. */
  now(): Date;
}

/**
 * One write operation of the bureau's interface (a SOAP method). Counted once it passed the
 * envelope and credentials checks, like the queries; then its 业务流水号 `ywlsh` (the caller's
 * idempotency key) is read (E2003 when missing or malformed), the request read (`read`, which
 * refuses malformed fields), and the write store runs it once: the same ywlsh again answers the
 * first answer, another request under it is E2004, a new one is checked by `decide` against what
 * the bureau holds before it is journaled and answered.
 */
export function socialWriteOperation<I>(
  context: SocialWriteContext,
  operation: string,
  read: (request: unknown) => I,
  decide: (input: I) => object,
): (request: unknown) => unknown {
  return (request) => {
    context.stats.record(operation, 1);
    const key = fieldOf(request, 'ywlsh');
    const problem = idempotencyKeyProblem(key);
    if (problem) throw socialFault('E2003', problem);
    const input = read(request);
    const outcome = context.writes.write(operation, key as string, input, () => decide(input));
    if (outcome.kind === 'keyReused') throw socialFault('E2004', `it was used for a ${outcome.operation} request`);
    return outcome.answer;
  };
}

/** A required text element, trimmed; E3006 when absent or empty. */
export function requiredText(request: unknown, field: string): string {
  const value = fieldOf(request, field);
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw socialFault('E3006', field);
  return text;
}
