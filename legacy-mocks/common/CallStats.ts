/** Counts calls and requested items per legacy operation, for GET /__admin/stats. */
export interface StatsSnapshot {
  total: number;
  operations: Record<string, { calls: number; items: number }>;
}

export class CallStats {
  #operations = new Map<string, { calls: number; items: number }>();
  #total = 0;

  /** One call of an operation that asked for `items` records (1 for a single lookup). */
  record(operation: string, items: number): void {
    const entry = this.#operations.get(operation) ?? { calls: 0, items: 0 };
    entry.calls += 1;
    entry.items += items;
    this.#operations.set(operation, entry);
    this.#total += 1;
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.#total,
      operations: Object.fromEntries([...this.#operations].map(([name, entry]) => [name, { ...entry }])),
    };
  }

  reset(): void {
    this.#operations.clear();
    this.#total = 0;
  }
}
