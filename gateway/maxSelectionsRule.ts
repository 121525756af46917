import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { graphError } from '../subgraphs/kit/index.js';

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
        if (counter.selectionSet(operation.selectionSet) > options.maxSelections) options.refuse(context, options.maxSelections);
        return false;
      },
    };
  };
}

/**
 * The same limit, checked as soon as the document is parsed and before graphql's own validation:
 * a refused document is not cached, so each copy of it would otherwise go through every
 * specified rule again (about 15 ms for 31 fragments, most of it OverlappingFieldsCanBeMergedRule),
 * which a client sending it at full speed turns into a busy event loop. Apollo answers an error
 * thrown here with its HTTP status (400) and formatError, without running the later hooks.
 */
export function maxSelectionsPlugin<TContext extends BaseContext>(options: Omit<MaxSelectionsOptions, 'refuse'>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart(requestContext) {
          return async (error?: Error) => {
            if (error || !requestContext.document) return;
            if (mostSelectionsOf(requestContext.document, options.maxSelections + 1) > options.maxSelections) {
              throw graphError('TOO_MANY_SELECTIONS', tooManySelections(options.maxSelections), { http: { status: 400 } });
            }
          };
        },
      };
    },
  };
}

/** The refusal's words, shared by the rule (gateway/limits.ts) and the plugin. */
export function tooManySelections(maxSelections: number): string {
  return `Query selection limit of ${maxSelections} exceeded (fields counted with fragments expanded). Ask for fewer fields, or use fewer fragments.`;
}

/** The most selections any operation of `document` reaches, counted up to `ceiling`. */
function mostSelectionsOf(document: DocumentNode, ceiling: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const counter = new SelectionCounter((name) => fragments.get(name), ceiling);
  let most = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) most = Math.max(most, counter.selectionSet(definition.selectionSet));
  }
  return most;
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
      if (selection.kind === Kind.FIELD) count += 1 + (selection.selectionSet ? this.selectionSet(selection.selectionSet) : 0);
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
