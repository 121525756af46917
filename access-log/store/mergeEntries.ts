import { MAX_SUBJECTS_PER_RECORD, type NormalizedAccessEntry } from '../record/normalizeAccessEntry.js';

/** What must match for two entries to be one record: the same request, seen the same way. */
export function mergeKey(entry: NormalizedAccessEntry): string {
  const { requestId, correlationId, department, caller, purpose, policy } = entry;
  return JSON.stringify([
    requestId,
    correlationId,
    department,
    caller.kind,
    caller.sub,
    caller.roles,
    caller.azp,
    purpose,
    policy,
  ]);
}

const OPENNESS = { masked: 1, allowed: 2 } as const;

/**
 * Folds `extra` into `target` (both waiting for the same record): subjects united, a field kept
 * with the decision that left the most, refusals summed. False when the result would be too large.
 */
export function mergeEntries(target: NormalizedAccessEntry, extra: NormalizedAccessEntry): boolean {
  const byKey = new Map(target.subjects.map((subject) => [`${subject.kind}:${subject.id}`, subject]));
  const added = extra.subjects.filter((subject) => !byKey.has(`${subject.kind}:${subject.id}`));
  if (target.subjects.length + added.length > MAX_SUBJECTS_PER_RECORD) return false;
  for (const subject of extra.subjects) {
    const known = byKey.get(`${subject.kind}:${subject.id}`);
    if (!known) continue;
    for (const field of subject.fields) {
      const earlier = known.fields.find((candidate) => candidate.field === field.field);
      if (!earlier) known.fields.push(field);
      else if (OPENNESS[field.decision] > OPENNESS[earlier.decision]) earlier.decision = field.decision;
    }
  }
  target.subjects = [...target.subjects, ...added].sort(bySubject);
  const denied = new Map(target.denied.map((item) => [item.field, item.count]));
  for (const item of extra.denied) denied.set(item.field, (denied.get(item.field) ?? 0) + item.count);
  target.denied = [...denied]
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return true;
}

function bySubject(a: { kind: string; id: string }, b: { kind: string; id: string }): number {
  return a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1;
}
