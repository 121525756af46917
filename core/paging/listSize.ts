import {
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

/**
 * How many items a list field returns, as its schema declares it with the demand control
 * specification's `@listSize` (Apollo Federation 2.9, `https://specs.apollo.dev/cost/v0.1`).
 * One reading for both sides of a page: the gateway's cost model prices a list by it
 * (gateway/readCostDirectives.ts) and a subgraph's paging checks `first` against it (pageBoundsOf.ts).
 */
export interface ListSize {
  /** The size when no slicing argument has a value: the most the resolver returns, a page's maximum. */
  assumedSize: number | undefined;
  /** Integer arguments that bound the list (`first`): the largest value given is its size. */
  slicingArguments: readonly string[];
  /** For a page object (`shareholders(first:)`): the lists inside it that the slicing arguments size. */
  sizedFields: readonly string[];
  /** Whether a caller must give exactly one slicing argument (the specification's default, true). */
  requireOneSlicingArgument: boolean;
}

const LINKED_SPEC = /\/(federation|cost)\/v[0-9.]+$/;

/** An applied `@listSize` as its arguments say. */
export function readListSize(directive: ConstDirectiveNode): ListSize {
  const strings = (name: string) => {
    const value = directiveArgument(directive, name);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  const assumedSize = directiveArgument(directive, 'assumedSize');
  const requireOne = directiveArgument(directive, 'requireOneSlicingArgument');
  return {
    assumedSize: typeof assumedSize === 'number' ? assumedSize : undefined,
    slicingArguments: strings('slicingArguments'),
    sizedFields: strings('sizedFields'),
    requireOneSlicingArgument: requireOne !== false,
  };
}

/**
 * The local names of @listSize and @cost, as the schema's `@link` imports them (or prefixes them):
 * a subgraph imports them from the federation spec, a supergraph carries them under the cost spec.
 */
export function costDirectiveNames(definitions: ReadonlyArray<DefinitionNode | null | undefined>): {
  listSize: string;
  cost: string;
} {
  const names = { listSize: 'listSize', cost: 'cost' };
  for (const definition of definitions) {
    if (definition?.kind !== Kind.SCHEMA_DEFINITION && definition?.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const spec = LINKED_SPEC.exec(String(directiveArgument(link, 'url') ?? ''))?.[1];
      if (!spec) continue;
      const prefix = String(directiveArgument(link, 'as') ?? spec);
      const imported = (name: string) => {
        const imports = directiveArgument(link, 'import');
        for (const entry of Array.isArray(imports) ? imports : []) {
          if (entry === `@${name}`) return name;
          if (typeof entry === 'object' && entry !== null && (entry as { name?: unknown }).name === `@${name}`)
            return String((entry as { as?: unknown }).as ?? `@${name}`).replace(/^@/, '');
        }
        return undefined;
      };
      names.listSize = imported('listSize') ?? `${prefix}__listSize`;
      // The cost spec's own directive is named after the spec: @cost unless renamed with `as`.
      names.cost = imported('cost') ?? (spec === 'cost' ? prefix : `${prefix}__cost`);
    }
  }
  return names;
}

const listSizeNameBySchema = new WeakMap<GraphQLSchema, string>();

/** The `@listSize` a field of a built schema declares, under the name the schema's `@link` gives it. */
export function listSizeOfField(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): ListSize | undefined {
  let name = listSizeNameBySchema.get(schema);
  if (name === undefined) {
    name = costDirectiveNames([schema.astNode, ...schema.extensionASTNodes]).listSize;
    listSizeNameBySchema.set(schema, name);
  }
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === name);
  return directive ? readListSize(directive) : undefined;
}

/** An argument of an applied directive as a plain value; undefined when it is not given. */
export function directiveArgument(directive: ConstDirectiveNode, name: string): unknown {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value === undefined ? undefined : valueFromASTUntyped(value);
}
