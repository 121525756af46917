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
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostDirectives, ListSize } from './readCostDirectives.js';

/** A page object's size, handed to the lists inside it that its `@listSize(sizedFields:)` names. */
interface SizedFields {
  fields: readonly string[];
  size: number;
}

/**
 * The estimated cost of one operation with this request's variables, in the units that
 * QUERY_TOO_COSTLY and the per-caller rate limits count (gateway/refuseCostlyOperations.ts).
 * The model counts what makes the departments' legacy systems work: each field costs its
 * `@cost(weight:)`, else 1, and a list of objects multiplies what it selects by its size as the
 * schema declares it with `@listSize` (read by readCostDirectives.ts, never coded per field):
 * - by its slicing argument (`first`), given literally or by a variable of this request, else
 *   the variable's default, else the argument's default, else its `assumedSize`;
 * - by its `assumedSize`, the most its resolver returns (`monthlyContributions(from, to)`: the
 *   longest range it accepts, whatever range is asked);
 * - a page object such as `shareholders(first:)` hands its slicing size to the lists it names in
 *   `sizedFields` (`holdings`).
 * Lists of scalars cost 1: they arrive as one value. A list of objects the schema gives no size
 * costs more than can be counted, so it is refused; the gateway does not start with one
 * (refuseCostlyOperations.ts). Introspection fields and `__typename` are free: they read the
 * schema, and graphql's MaxIntrospectionDepthRule bounds them.
 *
 * graphql-armor's cost rule is not used because it cannot see which fields are lists, so a chain
 * of `shareholders { holdings { holder { legalRepresentativeOf { … } } } }` would look cheap. It
 * is not a validation rule either: Apollo caches validated documents, so a rule cannot see the
 * variables, and a page of 5 asked by variable would count as the largest page. Unknown fields
 * and fragment cycles cost 1 and 0: validation has refused them before this runs.
 */
export function costOfOperation(
  schema: GraphQLSchema,
  directives: CostDirectives,
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
  return new CostCounter(schema, directives, fragments, variable).selectionSet(
    operation.selectionSet,
    rootType,
    undefined,
  );
}

class CostCounter {
  /** A fragment's cost, by name and the sizes it inherits; a fragment spread twice is counted twice. */
  private readonly fragmentCosts = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly directives: CostDirectives,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variable: (name: string) => unknown,
  ) {}

  selectionSet(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    sized: SizedFields | undefined,
  ): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(selection, parentType, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(
          selection.selectionSet,
          this.typeNamed(selection.typeCondition?.name.value) ?? parentType,
          sized,
        );
      } else {
        cost += this.fragment(selection.name.value, sized);
      }
    }
    return cost;
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, sized: SizedFields | undefined): number {
    if (node.name.value.startsWith('__')) return 0;
    const definition =
      isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition) return 1;
    const key = `${parentType.name}.${definition.name}`;
    const weight = this.directives.weights.get(key) ?? 1;
    const namedType = getNamedType(definition.type);
    if (!isCompositeType(namedType)) return weight;
    const listSize = this.directives.listSizes.get(key);
    const isList = isListType(getNullableType(definition.type));
    // A page object (not itself a list) hands its slicing size to the lists it names.
    const handed =
      !isList && listSize && listSize.sizedFields.length > 0
        ? { fields: listSize.sizedFields, size: this.sizeOf(node, definition, listSize) }
        : undefined;
    const children = node.selectionSet ? this.selectionSet(node.selectionSet, namedType, handed) : 0;
    if (!isList) return weight + children;
    const size = sized?.fields.includes(definition.name)
      ? sized.size
      : listSize
        ? this.sizeOf(node, definition, listSize)
        : Number.POSITIVE_INFINITY;
    // Infinity times a weight of 0 would be NaN, which no limit refuses.
    return Number.isFinite(size) ? size * (weight + children) : size;
  }

  private fragment(name: string, sized: SizedFields | undefined): number {
    const key = `${name}:${sized ? `${sized.fields.join(',')}=${sized.size}` : ''}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    const type = this.typeNamed(fragment?.typeCondition.name.value);
    if (!fragment || !type || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const cost = this.selectionSet(fragment.selectionSet, type, sized);
    this.visiting.delete(name);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  /**
   * The size a field's `@listSize` gives it here: the largest of its slicing arguments that has a
   * value (as given, by this request's variable, or by the argument's default), else its assumedSize.
   */
  private sizeOf(node: FieldNode, definition: GraphQLField<unknown, unknown>, listSize: ListSize): number {
    let size: number | undefined;
    for (const name of listSize.slicingArguments) {
      const value = this.argumentValue(node, definition, name);
      if (value !== undefined) size = Math.max(size ?? 1, value);
    }
    return size ?? listSize.assumedSize ?? Number.POSITIVE_INFINITY;
  }

  private argumentValue(node: FieldNode, definition: GraphQLField<unknown, unknown>, name: string): number | undefined {
    const given = node.arguments?.find((argument) => argument.name.value === name)?.value;
    const value =
      given?.kind === Kind.INT
        ? Number(given.value)
        : given?.kind === Kind.VARIABLE
          ? this.variable(given.name.value)
          : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
    const fallback = definition.args.find((argument) => argument.name === name)?.defaultValue;
    return typeof fallback === 'number' ? fallback : undefined;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name === undefined ? undefined : this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }
}
