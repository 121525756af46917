import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** The size assumed for a list of objects nobody bounded with `first`: the departments' usual page. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * The size assumed for a `first` given by a variable. Variables are not known when a document
 * is validated (Apollo caches validated documents), so the largest page a department serves
 * (`searchCompanies`, `dataAccessLog`: 1 to 100) stands in for it.
 */
export const MAX_PAGE_SIZE = 100;

export interface QueryCostOptions {
  maxCost: number;
  /** Told the cost of an operation over `maxCost`; reports the refusal on the context. */
  refuse(context: ValidationContext, cost: number): void;
}

/**
 * Refuses an operation whose estimated cost is over `maxCost`, before anything is fetched.
 * The model counts what makes the departments' legacy systems work: each field costs 1, and a
 * list of objects multiplies what it selects by its `first` argument (a page object such as
 * `dataAccessLog(first:)` passes its `first` to the list inside it) or by DEFAULT_LIST_SIZE.
 * Lists of scalars cost 1: they arrive as one value. Introspection fields and `__typename` are
 * free: they read the schema, and graphql's MaxIntrospectionDepthRule bounds them.
 *
 * graphql-armor's cost rule is not used because it cannot see which fields are lists, so a
 * chain of `shareholders { holder { legalRepresentativeOf { … } } }` would look cheap.
 * Unknown fields and fragment cycles cost 1 and 0: FieldsOnCorrectTypeRule and
 * NoFragmentCyclesRule report them.
 */
export function queryCostRule(options: QueryCostOptions): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const rootType = context.getSchema().getRootType(operation.operation);
      if (!rootType) return;
      const cost = new CostCounter(context).selectionSet(operation.selectionSet, rootType, undefined);
      if (cost > options.maxCost) options.refuse(context, cost);
    },
  });
}

class CostCounter {
  /** A fragment's cost, by name and the page size it inherits; a fragment spread twice is counted twice. */
  private readonly fragmentCosts = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly context: ValidationContext) {}

  selectionSet(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, pageSize: number | undefined): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? parentType, pageSize);
      } else {
        cost += this.fragment(selection.name.value, pageSize);
      }
    }
    return cost;
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, inheritedPageSize: number | undefined): number {
    if (node.name.value.startsWith('__')) return 0;
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition) return 1;
    const namedType = getNamedType(definition.type);
    const first = this.firstArgument(node, definition);
    const listOfObjects = isListOf(definition.type) && isCompositeType(namedType);
    // A page object (not itself a list) hands its `first` to the list it holds.
    const children = node.selectionSet && isCompositeType(namedType) ? this.selectionSet(node.selectionSet, namedType, listOfObjects ? undefined : first) : 0;
    const size = listOfObjects ? (first ?? inheritedPageSize ?? DEFAULT_LIST_SIZE) : 1;
    return size * (1 + children);
  }

  private fragment(name: string, pageSize: number | undefined): number {
    const key = `${name}:${pageSize ?? ''}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = this.context.getFragment(name);
    const type = this.typeNamed(fragment?.typeCondition.name.value);
    if (!fragment || !type || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const cost = this.selectionSet(fragment.selectionSet, type, pageSize);
    this.visiting.delete(name);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  /** The page size a field asks for: its literal `first`, MAX_PAGE_SIZE for a variable, else the schema's default. */
  private firstArgument(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    const declared = definition.args.find((argument) => argument.name === 'first');
    if (!declared) return undefined;
    const given = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
    if (given?.kind === Kind.INT) return Math.max(1, Number(given.value));
    if (given?.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
    return typeof declared.defaultValue === 'number' ? declared.defaultValue : DEFAULT_LIST_SIZE;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name === undefined ? undefined : this.context.getSchema().getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}

function isListOf(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}
