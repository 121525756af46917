import type { PolicyExpression, SubjectReading } from './types.js';

const ORDER: readonly SubjectReading[] = ['nothing', 'callerAmongSubjects', 'subjects'];

/** The wider of two readings: a rule reads what the most reading of its parts reads. */
export function widerReading(a: SubjectReading, b: SubjectReading): SubjectReading {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * What an expression reads of the subjects (types.ts, SubjectReading): the widest reading of the
 * predicates it reaches, through named rules too. Judged from the shape alone, every branch
 * counts (`anyOf` may stop early, but which branch decides depends on the caller). A rule it
 * cannot follow (unknown, or a cycle, which loadPolicy refuses anyway) counts as reading everything.
 */
export function subjectReadingOf(
  expression: PolicyExpression,
  rules: ReadonlyMap<string, PolicyExpression>,
  seen: ReadonlySet<string> = new Set(),
): SubjectReading {
  switch (expression.kind) {
    case 'predicate':
      return expression.predicate.reads;
    case 'rule': {
      const body = rules.get(expression.name);
      if (!body || seen.has(expression.name)) return 'subjects';
      return subjectReadingOf(body, rules, new Set([...seen, expression.name]));
    }
    case 'anyOf':
    case 'allOf':
      return expression.items.reduce<SubjectReading>(
        (reading, item) => widerReading(reading, subjectReadingOf(item, rules, seen)),
        'nothing',
      );
    case 'not':
      return subjectReadingOf(expression.item, rules, seen);
  }
}
