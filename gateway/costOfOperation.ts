import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The size assumed for a list of objects nobody bounded with `first`: the departments' usual page. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * The estimated cost of one operation with this request's variables, in the units that
 * QUERY_TOO_COSTLY and the per-caller rate limits count (gateway/refuseCostlyOperations.ts).
 * The model counts what makes the departments' legacy systems work: each field costs 1, and a
 * list of objects multiplies what it selects by its `first` argument, given literally or by a
 * variable of this request, else by the argument's default, else by DEFAULT_LIST_SIZE; a page
 * object such as `shareholders(first:)` or `dataAccessLog(first:)` passes its `first` to the list
 * inside it. Lists of scalars cost 1: they arrive as one value. Introspection fields and
 * `__typename` are free: they read the schema, and graphql's MaxIntrospectionDepthRule bounds them.
 *
 * graphql-armor's cost rule is not used because it cannot see which fields are lists, so a chain
 * of `shareholders { holdings { holder { legalRepresentativeOf { … } } } }` would look cheap. It
 * is not a validation rule either: Apollo caches validated documents, so a rule cannot see the
 * variables, and a page of 5 asked by variable would count as the largest page. Unknown fields
 * and fragment cycles cost 1 and 0: validation has refused them before this runs.
 */
export function costOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const defaults = new Map<string, number>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT)
      defaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
  }
  const variable = (name: string) => variables[name] ?? defaults.get(name);
  return new CostCounter(schema, fragments, variable).selectionSet(operation.selectionSet, rootType, undefined);
}

class CostCounter {
  /** A fragment's cost, by name and the page size it inherits; a fragment spread twice is counted twice. */
  private readonly fragmentCosts = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variable: (name: string) => unknown,
  ) {}

  selectionSet(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, pageSize: number | undefined): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(
          selection.selectionSet,
          this.typeNamed(selection.typeCondition?.name.value) ?? parentType,
          pageSize,
        );
      } else {
        cost += this.fragment(selection.name.value, pageSize);
      }
    }
    return cost;
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, inheritedPageSize: number | undefined): number {
    if (node.name.value.startsWith('__')) return 0;
    const definition =
      isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition) return 1;
    const namedType = getNamedType(definition.type);
    const first = this.firstArgument(node, definition);
    const listOfObjects = isListOf(definition.type) && isCompositeType(namedType);
    // A page object (not itself a list) hands its `first` to the list it holds.
    const children =
      node.selectionSet && isCompositeType(namedType)
        ? this.selectionSet(node.selectionSet, namedType, listOfObjects ? undefined : first)
        : 0;
    const size = listOfObjects ? (first ?? inheritedPageSize ?? DEFAULT_LIST_SIZE) : 1;
    return size * (1 + children);
  }

  private fragment(name: string, pageSize: number | undefined): number {
    const key = `${name}:${pageSize ?? ''}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    const type = this.typeNamed(fragment?.typeCondition.name.value);
    if (!fragment || !type || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const cost = this.selectionSet(fragment.selectionSet, type, pageSize);
    this.visiting.delete(name);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  /** The page size a field asks for: its `first` as given literally or by this request's variable, else the schema's default. */
  private firstArgument(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    const declared = definition.args.find((argument) => argument.name === 'first');
    if (!declared) return undefined;
    const given = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
    const value =
      given?.kind === Kind.INT
        ? Number(given.value)
        : given?.kind === Kind.VARIABLE
          ? this.variable(given.name.value)
          : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
    return typeof declared.defaultValue === 'number' ? declared.defaultValue : DEFAULT_LIST_SIZE;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name === undefined ? undefined : this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}

function isListOf(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}
