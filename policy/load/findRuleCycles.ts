import type { Node } from 'yaml';

/** A rule that reaches itself through its references, with the path and where it closes. */
export interface RuleCycle {
  path: string[];
  node: Node;
}

/**
 * Every cycle among named rules, once each (a → b → a is reported at the reference that
 * closes it, not again as b → a → b). A cyclic rule has no meaning, so loadPolicy refuses it.
 */
export function findRuleCycles(
  references: ReadonlyMap<string, ReadonlyArray<{ name: string; node: Node }>>,
): RuleCycle[] {
  const cycles: RuleCycle[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const visit = (rule: string, stack: string[]): void => {
    if (done.has(rule)) return;
    stack.push(rule);
    for (const reference of references.get(rule) ?? []) {
      const at = stack.indexOf(reference.name);
      if (at >= 0) {
        const members = stack.slice(at);
        const key = [...members].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          cycles.push({ path: [...members, reference.name], node: reference.node });
        }
      } else {
        visit(reference.name, stack);
      }
    }
    stack.pop();
    done.add(rule);
  };
  for (const rule of references.keys()) visit(rule, []);
  return cycles;
}
