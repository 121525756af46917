import type { PolicyExpression } from './types.js';
import { publicPredicate } from './builtInPredicates.js';

/**
 * Whether an expression lets every caller through, judged from its shape: `public`, a rule
 * that is, or a combination that must be. It errs towards "no" (e.g. `not` is never counted),
 * which only means a field is treated as protected: logged, and required to be nullable.
 */
export function isAlwaysTrue(
  expression: PolicyExpression,
  rules: ReadonlyMap<string, PolicyExpression>,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  switch (expression.kind) {
    case 'predicate':
      return expression.predicate === publicPredicate;
    case 'rule': {
      const body = rules.get(expression.name);
      // A cycle or an unknown rule is reported elsewhere; here it simply is not public.
      if (!body || seen.has(expression.name)) return false;
      return isAlwaysTrue(body, rules, new Set([...seen, expression.name]));
    }
    case 'anyOf':
      return expression.items.some((item) => isAlwaysTrue(item, rules, seen));
    case 'allOf':
      return expression.items.every((item) => isAlwaysTrue(item, rules, seen));
    case 'not':
      return false;
  }
}
