/** What a department's system answered to one action (a mutation of its subgraph, once part 2 lands). */
export type ActionOutcome =
  | { outcome: 'done'; output: Record<string, unknown> }
  /** The department said no, in words a citizen can read (its own, never a stack or legacy code). */
  | { outcome: 'refused'; reason: string }
  /** The department could not be asked or did not answer; asking again later may work. */
  | { outcome: 'unavailable'; reason: string };

/**
 * The engine's one way to make a department act: a port, so the engine knows no protocol. The
 * idempotency key is the application's id and the step's name (and `/undo` for an undo): the
 * same key twice must take effect once and answer the first answer, all the way down to the
 * legacy write, because a step can run more than once (a crash after the write, before the
 * engine stored its answer).
 */
export interface DepartmentActions {
  perform(
    department: string,
    action: string,
    input: Readonly<Record<string, unknown>>,
    idempotencyKey: string,
    on: ActionContext,
  ): Promise<ActionOutcome>;
}

/**
 * Whom the service acts for in one action: the applicant (a resident or a company), a company an
 * earlier step registered (the matter's `actsFor:`), or the officer who decided the step, with
 * the role and purpose the matter names. The department's privacy rules decide as for that caller.
 */
export interface ActingAs {
  kind: 'person' | 'company' | 'officer';
  id: string;
  roles: readonly string[];
  purpose: string | null;
}

/** The acting identity, and the matter and application the action belongs to (both recorded). */
export interface ActionContext {
  as: ActingAs;
  matter: string;
  application: string;
}
