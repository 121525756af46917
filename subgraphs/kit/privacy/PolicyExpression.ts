import type { BuiltInPredicate } from './predicates/BuiltInPredicate.js';
import type { MaskStyle } from './types.js';

/** A rule expression as read from a policy file, before it is compiled to a function. */
export type PolicyExpression =
  | { kind: 'predicate'; predicate: BuiltInPredicate; names: readonly string[] }
  | { kind: 'rule'; name: string }
  | { kind: 'anyOf'; items: readonly PolicyExpression[] }
  | { kind: 'allOf'; items: readonly PolicyExpression[] }
  | { kind: 'not'; item: PolicyExpression };

/** What a field's line says: who sees the value, and who sees it masked (allow wins). */
export interface FieldRule {
  allow: PolicyExpression;
  mask?: { when: PolicyExpression; style: MaskStyle };
}
