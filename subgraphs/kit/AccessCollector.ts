import type { AuthenticatedCaller, Caller } from './caller.js';
import type { AccessDecision, AccessEntry } from './audit/index.js';
import type { Department } from './errors.js';
import type { DecisionEvent } from './privacy/types.js';

const DECISION_WORDS: Record<DecisionEvent['decision']['effect'], AccessDecision> = { allow: 'allowed', mask: 'masked', deny: 'denied' };
/** When one field meets several decisions for a subject (items of a list), the record keeps what left the most. */
const OPENNESS: Record<AccessDecision, number> = { denied: 0, masked: 1, allowed: 2 };

/**
 * Gathers, during one request, every decision the policy took on a protected field, grouped by
 * whose data it was: one access-log entry per subject per department per request (DESIGN.md,
 * "Access log"). Holds field names and decisions only, never values.
 */
export class AccessCollector {
  readonly #at = new Date().toISOString();
  readonly #bySubject = new Map<string, { kind: 'person' | 'company'; id: string; fields: Map<string, AccessDecision> }>();

  note(event: DecisionEvent): void {
    const field = `${event.typeName}.${event.fieldName}`;
    const decision = DECISION_WORDS[event.decision.effect];
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
    return this.#bySubject.size === 0;
  }

  entries(options: { department: Department; requestId: string; caller: Caller }): AccessEntry[] {
    const { caller } = options;
    const known = caller.kind === 'anonymous' ? null : (caller as AuthenticatedCaller);
    return [...this.#bySubject.values()].map((subject) => ({
      at: this.#at,
      requestId: options.requestId,
      department: options.department,
      caller: { kind: caller.kind, sub: known?.sub ?? null, roles: [...(known?.roles ?? [])], azp: known?.azp ?? null },
      purpose: caller.purpose,
      subject: { kind: subject.kind, id: subject.id },
      fields: [...subject.fields].map(([field, decision]) => ({ field, decision })),
    }));
  }
}
