/** Runs statements; SQL is written once with `?` placeholders and each driver binds them its way. */
export interface SqlExecutor {
  /**
   * The rows of a query. `prepared` names a statement whose text never changes (a hot path): on
   * PostgreSQL it is then parsed and planned once per connection; SQLite prepares every text
   * once per driver anyway.
   */
  all<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: { prepared?: string },
  ): Promise<T[]>;
  /** A statement without rows; the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/**
 * The little the access log needs of a database, so the store and its readers are written once
 * for SQLite and PostgreSQL (store/backends/ opens each). Write transactions of one driver run
 * one at a time.
 */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** `work` inside one write transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Whether a table exists (the audit tools refuse a database that holds no log). */
  hasTable(name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** One queue per driver: the next write transaction starts when the last has ended. */
export function serialised(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}
