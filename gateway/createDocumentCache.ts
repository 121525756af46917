import { LRUCache } from 'lru-cache';

/** Operations whose derived facts are kept: the portal sends a few dozen; one-off texts churn the rest. */
export const DOCUMENT_CACHE_ENTRIES = 1_000;

/** What names one operation of one document: Apollo's hash of the query text, and the operation picked from it. */
export interface OperationKey {
  queryHash: string;
  operationName?: string | null | undefined;
}

export interface DocumentCache<V> {
  /** What `derive` made of this operation before, or makes now and keeps. */
  get(key: OperationKey, derive: () => V): V;
  /** Forgets everything, for a new supergraph: what was derived depends on the schema. */
  clear(): void;
}

/**
 * Facts about an operation that depend on its text and the schema only (its cost model, the
 * fields that create something), derived once per document as the query plan is (issue 23: the
 * gateway walked every request's document again, 4–5 % of its time). Keyed by the query's hash
 * and operation name, as @apollo/gateway keys its plans; a bounded LRU, so a caller sending
 * fresh texts costs a derivation each, as before, and evicts only its own kind.
 */
export function createDocumentCache<V extends object>(max = DOCUMENT_CACHE_ENTRIES): DocumentCache<V> {
  const cache = new LRUCache<string, V>({ max });
  return {
    get(key, derive) {
      const name = `${key.queryHash}\u0000${key.operationName ?? ''}`;
      let value = cache.get(name);
      if (value === undefined) {
        value = derive();
        cache.set(name, value);
      }
      return value;
    },
    clear() {
      cache.clear();
    },
  };
}
