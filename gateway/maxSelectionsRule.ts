import {
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface MaxSelectionsOptions {
  maxSelections: number;
  /** Told that an operation reaches more than `maxSelections` field selections; reports the refusal on the context. */
  refuse(context: ValidationContext, maxSelections: number): void;
}

/**
 * Refuses an operation that reaches more than `maxSelections` field selections once its fragments
 * are expanded, before the query planner sees it. The planner works on the expanded operation, so
 * a few hundred bytes of fragments that each spread the next two (`fragment F0 on Query { __typename
 * ...F1 ...F2 }`) cost it time exponential in their number; depth, aliases, tokens and cost all pass
 * such a document, since `__typename` is free and nothing nests.
 *
 * Counting is linear in the document: each fragment is counted once and its count reused wherever
 * it is spread, and every count stops just past the limit, so the numbers stay small however the
 * fragments multiply. Every field counts, `__typename` and introspection included.
 * Fragment cycles count 0: NoFragmentCyclesRule reports them.
 */
export function maxSelectionsRule(options: MaxSelectionsOptions): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const counter = new SelectionCounter((name) => context.getFragment(name), options.maxSelections + 1);
    return {
      OperationDefinition(operation) {
        if (counter.selectionSet(operation.selectionSet) > options.maxSelections)
          options.refuse(context, options.maxSelections);
        return false;
      },
    };
  };
}

/** The refusal's words. */
export function tooManySelections(maxSelections: number): string {
  return `Query selection limit of ${maxSelections} exceeded (fields counted with fragments expanded). Ask for fewer fields, or use fewer fragments.`;
}

class SelectionCounter {
  private readonly fragmentCounts = new Map<string, number>();
  private readonly visiting = new Set<string>();

  /** Counts stop at `ceiling`: anything at or above it is refused anyway. */
  constructor(
    private readonly fragmentNamed: (name: string) => FragmentDefinitionNode | null | undefined,
    private readonly ceiling: number,
  ) {}

  selectionSet(selectionSet: SelectionSetNode): number {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD)
        count += 1 + (selection.selectionSet ? this.selectionSet(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += this.selectionSet(selection.selectionSet);
      else count += this.fragment(selection.name.value);
      if (count >= this.ceiling) return this.ceiling;
    }
    return count;
  }

  private fragment(name: string): number {
    const known = this.fragmentCounts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragmentNamed(name);
    if (!fragment || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const count = this.selectionSet(fragment.selectionSet);
    this.visiting.delete(name);
    this.fragmentCounts.set(name, count);
    return count;
  }
}
