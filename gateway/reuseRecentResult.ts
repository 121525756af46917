/**
 * `work` done at most once per `ttlMs`: callers that come while it runs share the one in flight,
 * and those that come within `ttlMs` after it finished get its result. A failure is not kept: the
 * next call tries again. For answers that are the same for everyone and cost work each time
 * (/ready asks every subgraph; /metrics renders every series), so that a loop on them costs the
 * gateway one check a second however fast it asks.
 */
export function reuseRecentResult<T>(ttlMs: number, work: () => Promise<T>, now = () => performance.now()) {
  let recent: { promise: Promise<T>; settledAt: number | null } | null = null;
  return (): Promise<T> => {
    if (recent && (recent.settledAt === null || now() - recent.settledAt < ttlMs)) return recent.promise;
    const entry: { promise: Promise<T>; settledAt: number | null } = {
      promise: Promise.resolve().then(work),
      settledAt: null,
    };
    recent = entry;
    entry.promise.then(
      () => (entry.settledAt = now()),
      () => {
        if (recent === entry) recent = null;
      },
    );
    return entry.promise;
  };
}
