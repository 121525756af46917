import { isObjectType, Kind, type GraphQLSchema } from 'graphql';

/**
 * The key fields of each entity type (`@key(fields: "uscc")` → Company.uscc), read from the
 * subgraph's schema. The gateway joins entities on them, so they are never denied or masked
 * (DESIGN.md, "Privacy policy"). Only the top-level names of a compound key count.
 */
export function keyFieldsOf(schema: GraphQLSchema): ReadonlyMap<string, ReadonlySet<string>> {
  const keys = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const nodes = [type.astNode, ...type.extensionASTNodes];
    for (const node of nodes) {
      for (const directive of node?.directives ?? []) {
        if (directive.name.value !== 'key') continue;
        const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
        if (fields?.kind !== Kind.STRING) continue;
        const names = keys.get(type.name) ?? new Set<string>();
        for (const name of topLevelNames(fields.value)) names.add(name);
        keys.set(type.name, names);
      }
    }
  }
  return keys;
}

/** "id" → [id]; "uscc region { code }" → [uscc, region]: nested selections are the key's own business. */
function topLevelNames(selection: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of selection.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
    if (token === '{') depth++;
    else if (token === '}') depth--;
    else if (depth === 0) names.push(token);
  }
  return names;
}
