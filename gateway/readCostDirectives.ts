import {
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type TypeNode,
} from 'graphql';
import { costDirectiveNames, directiveArgument, readListSize, type ListSize } from '../core/index.js';

// The reading of @listSize is core's (core/paging/listSize.ts): a subgraph's paging reads the same declaration.
export type { ListSize };

/** What the schema declares for the cost model (gateway/costOfOperation.ts), keyed `Type.field`. */
export interface CostDirectives {
  listSizes: ReadonlyMap<string, ListSize>;
  /** `@cost(weight:)` of a field; a field without one weighs 1. */
  weights: ReadonlyMap<string, number>;
  /**
   * What the cost model could not price as declared: a list of objects with no `@listSize`, a
   * slicing argument or sized field that does not exist, a `@cost` where the model does not read it.
   * Empty for a schema the gateway may serve.
   */
  problems: readonly string[];
}

/**
 * Reads `@listSize` and `@cost` from a schema's SDL: a subgraph's schema (the directives imported
 * from the federation spec) or a supergraph (composition carries them under the cost spec), under
 * whatever names the schema's `@link` gives them. Apollo's API schema drops applied directives, so
 * the gateway reads them here, from the supergraph it loaded, once per schema.
 */
export function readCostDirectives(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const names = costDirectiveNames(document.definitions);
  const fieldsByType = new Map<string, FieldDefinitionNode[]>();
  const compositeTypes = new Set<string>();
  const problems: string[] = [];
  for (const definition of document.definitions) {
    if (isCompositeDefinition(definition)) compositeTypes.add(definition.name.value);
    if ('fields' in definition && definition.fields && isObjectOrInterface(definition)) {
      const fields = fieldsByType.get(definition.name.value) ?? [];
      fields.push(...(definition.fields as readonly FieldDefinitionNode[]));
      fieldsByType.set(definition.name.value, fields);
    }
    if (
      (isTypeDefinitionNode(definition) || isTypeExtensionNode(definition)) &&
      directiveNamed(definition.directives, names.cost)
    )
      problems.push(`${definition.name.value}: @cost is read on fields only; give each field its weight`);
  }

  const listSizes = new Map<string, ListSize>();
  const weights = new Map<string, number>();
  for (const [typeName, fields] of fieldsByType) {
    for (const field of fields) {
      const key = `${typeName}.${field.name.value}`;
      const returned = namedTypeOf(field.type);
      const isList = isListType(field.type);
      const listSize = directiveNamed(field.directives, names.listSize);
      const cost = directiveNamed(field.directives, names.cost);
      if (cost) {
        const weight = directiveArgument(cost, 'weight');
        if (Number.isInteger(weight) && (weight as number) >= 0) weights.set(key, weight as number);
        else problems.push(`${key}: @cost(weight:) is a whole number from 0`);
      }
      for (const argument of field.arguments ?? [])
        if (directiveNamed(argument.directives, names.cost))
          problems.push(`${key}(${argument.name.value}:): @cost is read on fields only`);
      if (listSize) {
        const size = readListSize(listSize);
        listSizes.set(key, size);
        problems.push(...listSizeProblems(key, field, size, isList, fieldsByType.get(returned) ?? []));
      } else if (isList && compositeTypes.has(returned)) {
        problems.push(
          `${key} is a list of ${returned} with no @listSize: declare the argument that bounds it ` +
            '(slicingArguments) or the most it returns (assumedSize)',
        );
      }
    }
  }
  return { listSizes, weights, problems };
}

/** Why a declared size cannot be used: the cost model would have to guess where it reads it. */
function listSizeProblems(
  key: string,
  field: FieldDefinitionNode,
  size: ListSize,
  isList: boolean,
  returnedFields: readonly FieldDefinitionNode[],
): string[] {
  const problems: string[] = [];
  if (size.assumedSize !== undefined && !(Number.isInteger(size.assumedSize) && size.assumedSize >= 0))
    problems.push(`${key}: @listSize(assumedSize:) is a whole number from 0`);
  const slicing = size.slicingArguments.map((name) =>
    field.arguments?.find((argument) => argument.name.value === name),
  );
  size.slicingArguments.forEach((name, index) => {
    const argument = slicing[index];
    if (!argument || namedTypeOf(argument.type) !== 'Int' || isListType(argument.type))
      problems.push(`${key}: slicing argument "${name}" is not an Int argument of the field`);
  });
  // With no slicing argument given, the size is an argument's default or assumedSize; one must exist.
  if (size.assumedSize === undefined && !slicing.some((argument) => argument?.defaultValue?.kind === Kind.INT))
    problems.push(`${key}: @listSize needs assumedSize, or a slicing argument with a default`);
  for (const name of size.sizedFields) {
    const sized = returnedFields.find((candidate) => candidate.name.value === name);
    if (!sized || !isListType(sized.type))
      problems.push(`${key}: sized field "${name}" is not a list field of ${namedTypeOf(field.type)}`);
  }
  if (!isList && size.sizedFields.length === 0)
    problems.push(`${key}: @listSize on a field that is not a list needs sizedFields`);
  if (isList && size.sizedFields.length > 0) problems.push(`${key}: sizedFields belong on a page object, not a list`);
  // The gateway prices a missing slicing argument by its default; it does not refuse the operation.
  if (size.slicingArguments.length > 0 && size.requireOneSlicingArgument)
    problems.push(
      `${key}: declare requireOneSlicingArgument: false (the gateway does not refuse an operation without one)`,
    );
  return problems;
}

function directiveNamed(directives: readonly ConstDirectiveNode[] | undefined, name: string) {
  return directives?.find((directive) => directive.name.value === name);
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function isListType(type: TypeNode): boolean {
  return type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.LIST_TYPE);
}

function isCompositeDefinition(definition: DefinitionNode): definition is DefinitionNode & { name: { value: string } } {
  return (
    definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
    definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
    definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
    definition.kind === Kind.INTERFACE_TYPE_EXTENSION ||
    definition.kind === Kind.UNION_TYPE_DEFINITION ||
    definition.kind === Kind.UNION_TYPE_EXTENSION
  );
}

function isObjectOrInterface(definition: DefinitionNode): definition is DefinitionNode & { name: { value: string } } {
  return (
    isCompositeDefinition(definition) &&
    definition.kind !== Kind.UNION_TYPE_DEFINITION &&
    definition.kind !== Kind.UNION_TYPE_EXTENSION
  );
}
