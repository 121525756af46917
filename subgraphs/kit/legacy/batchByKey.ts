import { chunk } from '../../../core/index.js';

export interface KeyBatching<Key, Value> {
  /**
   * The form the legacy system is asked for (an ID in canonical spelling), or null for a key it
   * cannot hold: such a key is not sent, since the system would refuse the whole batch for it,
   * and is answered like an unknown one.
   */
  canonicalOf(key: Key): string | null;
  /** The legacy system's batch maximum for this operation, a named constant of the department. */
  maximum: number;
  /** One legacy call for at most `maximum` distinct canonical keys; answers by canonical key, unknown ones absent. */
  fetchBatch(canonicalKeys: string[]): Promise<Iterable<readonly [string, Value]>>;
}

/**
 * Answers a loader's keys with as few legacy calls as the system's batch maximum allows: keys are
 * de-duplicated by canonical form (in the order first seen), sent in chunks of `maximum` at once,
 * and the answers are keyed by the keys exactly as given, so a lower-case key finds its record.
 * Keys without an answer are absent.
 */
export async function batchByKey<Key, Value>(
  keys: readonly Key[],
  batching: KeyBatching<Key, Value>,
): Promise<Map<Key, Value>> {
  const keysByCanonical = new Map<string, Key[]>();
  for (const key of keys) {
    const canonical = batching.canonicalOf(key);
    if (canonical === null) continue;
    const group = keysByCanonical.get(canonical);
    if (group) group.push(key);
    else keysByCanonical.set(canonical, [key]);
  }
  const answers = await Promise.all(
    chunk([...keysByCanonical.keys()], batching.maximum).map((batch) => batching.fetchBatch(batch)),
  );
  const found = new Map<Key, Value>();
  for (const answer of answers) {
    for (const [canonical, value] of answer) {
      for (const key of keysByCanonical.get(canonical) ?? []) found.set(key, value);
    }
  }
  return found;
}
