import type { PolicyExpression, DecisionInput } from './types.js';

export type CompiledExpression = (input: DecisionInput) => boolean;

/**
 * Turns an expression into a function, resolving named rules once. The rules must be free of
 * cycles (loadPolicy refuses a file with one before compiling), so the recursion ends.
 */
export function compileExpression(
  expression: PolicyExpression,
  rules: ReadonlyMap<string, PolicyExpression>,
  compiled = new Map<string, CompiledExpression>(),
): CompiledExpression {
  switch (expression.kind) {
    case 'predicate': {
      const { predicate, names } = expression;
      return (input) => predicate.holds(input, names);
    }
    case 'rule': {
      const known = compiled.get(expression.name);
      if (known) return known;
      const body = rules.get(expression.name);
      if (!body) throw new Error(`compileExpression: rule '${expression.name}' is not defined`);
      const fn = compileExpression(body, rules, compiled);
      compiled.set(expression.name, fn);
      return fn;
    }
    case 'anyOf': {
      const items = expression.items.map((item) => compileExpression(item, rules, compiled));
      return (input) => items.some((item) => item(input));
    }
    case 'allOf': {
      const items = expression.items.map((item) => compileExpression(item, rules, compiled));
      return (input) => items.every((item) => item(input));
    }
    case 'not': {
      const item = compileExpression(expression.item, rules, compiled);
      return (input) => !item(input);
    }
  }
}
