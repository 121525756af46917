import type { AuthenticatedCaller, Caller } from '../../core/caller.js';
import { vouchForSubjects, type AccessEntry, type GivenDecision } from '../../access-log/index.js';
import type { Department } from '../../core/errors.js';
import type { DecisionBatch, DecisionEvent, Subject } from '../../policy/index.js';

interface SubjectEntry {
  kind: 'person' | 'company';
  id: string;
  fields: Map<string, GivenDecision>;
}

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
  /** Every subject given data, in the order first given; found by kind, then ID (no key built per look-up). */
  readonly #subjects: SubjectEntry[] = [];
  readonly #byKind = { person: new Map<string, SubjectEntry>(), company: new Map<string, SubjectEntry>() };
  readonly #denied = new Map<string, number>();
  #policy: string | null = null;
  /** Batches noted (noteBatch), with how many of each one's values are folded in already. */
  readonly #batches: Array<{ batch: DecisionBatch; folded: number }> = [];
  /** Each subjects list's entries, once looked up: a list item's fields share one list. */
  readonly #entriesOfList = new WeakMap<readonly Subject[], SubjectEntry[]>();

  note(event: DecisionEvent): void {
    const field = `${event.typeName}.${event.fieldName}`;
    this.#policy ??= event.policy;
    if (event.decision.effect === 'deny') {
      this.#denied.set(field, (this.#denied.get(field) ?? 0) + 1);
      return;
    }
    const decision: GivenDecision = event.decision.effect === 'mask' ? 'masked' : 'allowed';
    for (const subject of event.subjects) merge(this.#entryOf(subject), field, decision);
  }

  /**
   * The same as a note of each of its values' decisions, for a batch the field decider keeps
   * adding to during the request (DecisionBatch): folded in when the collector is read.
   */
  noteBatch(batch: DecisionBatch): void {
    this.#batches.push({ batch, folded: 0 });
  }

  #fold(): void {
    for (const pending of this.#batches) {
      const { batch } = pending;
      const lists = batch.subjectLists;
      if (pending.folded === lists.length) continue;
      const field = `${batch.typeName}.${batch.fieldName}`;
      this.#policy ??= batch.policy;
      if (batch.decision.effect === 'deny') {
        this.#denied.set(field, (this.#denied.get(field) ?? 0) + lists.length - pending.folded);
      } else {
        const decision: GivenDecision = batch.decision.effect === 'mask' ? 'masked' : 'allowed';
        for (let i = pending.folded; i < lists.length; i++)
          for (const entry of this.#entriesOf(lists[i]!)) merge(entry, field, decision);
      }
      pending.folded = lists.length;
    }
  }

  #entriesOf(subjects: readonly Subject[]): SubjectEntry[] {
    let entries = this.#entriesOfList.get(subjects);
    if (!entries) {
      entries = subjects.map((subject) => this.#entryOf(subject));
      this.#entriesOfList.set(subjects, entries);
    }
    return entries;
  }

  #entryOf(subject: Subject): SubjectEntry {
    const byId = this.#byKind[subject.kind];
    let entry = byId.get(subject.id);
    if (!entry) {
      entry = { kind: subject.kind, id: subject.id, fields: new Map() };
      byId.set(subject.id, entry);
      this.#subjects.push(entry);
    }
    return entry;
  }

  get isEmpty(): boolean {
    this.#fold();
    return this.#subjects.length === 0 && this.#denied.size === 0;
  }

  /** Whether any subject was given personal data (what "no record, no data" withholds). */
  get gavePersonalData(): boolean {
    this.#fold();
    return this.#subjects.length > 0;
  }

  entry(options: {
    department: Department;
    requestId: string;
    correlationId: string | null;
    caller: Caller;
  }): AccessEntry {
    this.#fold();
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
      subjects: this.#subjects.map((subject) => ({
        kind: subject.kind,
        id: subject.id,
        fields: [...subject.fields].map(([field, decision]) => ({ field, decision })),
      })),
      denied: [...this.#denied].map(([field, count]) => ({ field, count })),
    });
  }
}

/** A field given to a subject: what left the most stays (allowed over masked). */
function merge(entry: SubjectEntry, field: string, decision: GivenDecision): void {
  const earlier = entry.fields.get(field);
  if (earlier === undefined || OPENNESS[decision] > OPENNESS[earlier]) entry.fields.set(field, decision);
}
