import type { AuthenticatedCaller, Caller } from '../../core/caller.js';
import { vouchForSubjects, type AccessEntry, type GivenDecision } from '../../access-log/index.js';
import type { Department } from '../../core/errors.js';
import type { DecisionEvent } from '../../policy/index.js';

/** When one field meets several decisions for a subject (items of a list), the record keeps what left the most. */
const OPENNESS: Record<GivenDecision, number> = { masked: 1, allowed: 2 };

/**
 * Gathers, during one request, every decision the policy took on a protected field: the fields
 * each subject was given (allowed or masked), and the refusals counted per field. At the end it
 * makes the request's one access-log entry for its department (docs/access-log.md). Holds field
 * names, decisions and counts only, never values; a refused caller adds one small entry per
 * request, however many subjects it asked about.
 */
export class AccessCollector {
  readonly #at = new Date().toISOString();
  readonly #bySubject = new Map<
    string,
    { kind: 'person' | 'company'; id: string; fields: Map<string, GivenDecision> }
  >();
  readonly #denied = new Map<string, number>();
  #policy: string | null = null;

  note(event: DecisionEvent): void {
    const field = `${event.typeName}.${event.fieldName}`;
    this.#policy ??= event.policy;
    if (event.decision.effect === 'deny') {
      this.#denied.set(field, (this.#denied.get(field) ?? 0) + 1);
      return;
    }
    const decision: GivenDecision = event.decision.effect === 'mask' ? 'masked' : 'allowed';
    for (const subject of event.subjects) {
      const key = `${subject.kind}:${subject.id}`;
      let entry = this.#bySubject.get(key);
      if (!entry) {
        entry = { kind: subject.kind, id: subject.id, fields: new Map() };
        this.#bySubject.set(key, entry);
      }
      const earlier = entry.fields.get(field);
      if (earlier === undefined || OPENNESS[decision] > OPENNESS[earlier]) entry.fields.set(field, decision);
    }
  }

  get isEmpty(): boolean {
    return this.#bySubject.size === 0 && this.#denied.size === 0;
  }

  /** Whether any subject was given personal data (what "no record, no data" withholds). */
  get gavePersonalData(): boolean {
    return this.#bySubject.size > 0;
  }

  entry(options: {
    department: Department;
    requestId: string;
    correlationId: string | null;
    caller: Caller;
  }): AccessEntry {
    const { caller } = options;
    const known = caller.kind === 'anonymous' ? null : (caller as AuthenticatedCaller);
    // Every subject here came from a DecisionEvent, whose subjects the field decider checked
    // (well-formed IDs, else BAD_USER_INPUT before any decision), with GraphQL "Type.field" names:
    // the store need not check them again one by one (access-log's vouchForSubjects).
    return vouchForSubjects({
      at: this.#at,
      requestId: options.requestId,
      correlationId: options.correlationId,
      department: options.department,
      caller: { kind: caller.kind, sub: known?.sub ?? null, roles: [...(known?.roles ?? [])], azp: known?.azp ?? null },
      purpose: caller.purpose,
      policy: this.#policy,
      subjects: [...this.#bySubject.values()].map((subject) => ({
        kind: subject.kind,
        id: subject.id,
        fields: [...subject.fields].map(([field, decision]) => ({ field, decision })),
      })),
      denied: [...this.#denied].map(([field, count]) => ({ field, count })),
    });
  }
}
