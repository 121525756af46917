import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';

/** Plans of operations seen once: anything a caller makes up lands here, and only here. */
export const PROBATION_PLANS = 256;
/** Plans used again: the portal's operations, kept however many one-off operations arrive. */
export const PROTECTED_PLANS = 512;

/**
 * The gateway's query plan cache, a segmented LRU (SLRU). @apollo/gateway keys a plan by a hash
 * of the query text and operation name, so the same operation with other fragment names, aliases
 * or spacing is another key. In one LRU, a caller sending fresh texts would push the portal's
 * plans out and make every portal request plan again. Here a new plan waits in a small probation
 * segment and moves to the protected one only when it is used a second time; a stream of one-off
 * texts churns probation alone. Both segments are bounded by count: plans of operations within
 * GRAPHQL_MAX_SELECTIONS are small.
 */
export function createPlanCache<V extends object>(
  sizes: { probation?: number; protected?: number } = {},
): KeyValueCache<V> & { clear(): void } {
  const probation = new LRUCache<string, V>({ max: sizes.probation ?? PROBATION_PLANS });
  // A plan pushed out of the protected segment gets one more chance in probation (classic SLRU).
  const kept = new LRUCache<string, V>({
    max: sizes.protected ?? PROTECTED_PLANS,
    dispose: (value, key, reason) => {
      if (reason === 'evict') probation.set(key, value);
    },
  });
  return {
    async get(key) {
      const plan = kept.get(key);
      if (plan !== undefined) return plan;
      const tried = probation.get(key);
      if (tried !== undefined) {
        probation.delete(key);
        kept.set(key, tried);
      }
      return tried;
    },
    async set(key, value) {
      if (kept.has(key)) kept.set(key, value);
      else probation.set(key, value);
    },
    async delete(key) {
      return kept.delete(key) || probation.delete(key);
    },
    clear() {
      kept.clear();
      probation.clear();
    },
  };
}
