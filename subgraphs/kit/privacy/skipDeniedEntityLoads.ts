import { isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { keyFieldsOf, type FieldDecider } from '../../../policy/index.js';

type ResolveReference = (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Keeps a subgraph from loading an entity the caller may see nothing of (DESIGN.md, "a denied
 * field is never fetched"). The gateway asks for entities with `_entities(representations)` and
 * the fields it wants of each type; before a type's `__resolveReference` loads a record from the
 * legacy system, each wanted field that is not a key is decided for that caller and that
 * reference's subjects (a look ahead, not recorded: the fields are decided again, and recorded,
 * when the answer is built). When every one is denied, the reference itself stands in for the
 * record: the fields come back FORBIDDEN as before, and the legacy system is never asked.
 *
 * Changes the schema's `__resolveReference` functions in place (they live in each type's
 * `extensions.apollo.subgraph`, where @apollo/subgraph's _entities resolver reads them).
 */
export function skipDeniedEntityLoads(schema: GraphQLSchema, decider: FieldDecider): void {
  const keys = keyFieldsOf(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } }).apollo
      ?.subgraph;
    const resolveReference = subgraph?.resolveReference;
    if (!subgraph || !resolveReference) continue;
    const keyFields = keys.get(type.name) ?? new Set<string>();
    // Every reference of one _entities call shares its field nodes: the selection is read once per call.
    const wantedByCall = new WeakMap<object, string[]>();
    subgraph.resolveReference = (reference, context, info) => {
      let wanted = wantedByCall.get(info.fieldNodes);
      if (!wanted) {
        wanted = [...wantedFields(info, type.name)].filter((field) => field !== '__typename' && !keyFields.has(field));
        wantedByCall.set(info.fieldNodes, wanted);
      }
      if (wanted.length > 0) {
        try {
          const allDenied = wanted.every(
            (fieldName) =>
              decider.decide({ typeName: type.name, fieldName, parent: reference, args: {}, context }, false).effect ===
              'deny',
          );
          if (allDenied) return reference;
        } catch {
          // A reference the subject resolvers cannot read: load as usual and let the fields decide.
        }
      }
      return resolveReference(reference, context, info);
    };
  }
}

/** The fields selected on `typeName` under the _entities field (inline fragments and named ones). */
function wantedFields(info: GraphQLResolveInfo, typeName: string): Set<string> {
  const found = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === typeName)
          visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && fragment.typeCondition.name.value === typeName) visit(fragment.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return found;
}
