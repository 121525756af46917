import type { GraphQLSchema } from 'graphql';
import { callerProfiles, type CallerProfile } from '../explain/index.js';
import {
  governedFields,
  type GovernedField,
  type CompiledPolicy,
  type PolicyProblem,
  type PolicyRegistry,
} from '../engine/index.js';

/**
 * `Query.me` is the graph's name for "the calling citizen's own record": its resolver answers the
 * calling person and null for anyone else, whatever the policy allows (subgraphs/social/resolvers/Query.ts).
 */
export const CALLER_BOUND_FIELDS: Readonly<Record<string, 'person' | 'company'>> = Object.freeze({
  'Query.me': 'person',
});

export interface FindUnreachableGrantsOptions {
  registry: PolicyRegistry;
  /** Every department (a path may run through any of them). */
  departments: ReadonlyArray<{ department: string; policy: CompiledPolicy; schema: GraphQLSchema }>;
  /**
   * Root fields that answer only the caller's own record, whatever the policy allows (social's
   * `Query.me` is null for anyone but a person): they lead somewhere only for that kind of caller
   * on their own data. Keyed by `Type.field`, valued by the caller kind they serve; default CALLER_BOUND_FIELDS.
   */
  callerBoundFields?: Readonly<Record<string, 'person' | 'company'>>;
}

interface Edge {
  department: string;
  field: GovernedField;
  policy: CompiledPolicy;
}

/**
 * Grants no query can use: a field allowed (or masked) to a caller profile of policy:explain
 * while every path from `Query` to its type passes a field denied to that caller. Types are
 * joined across departments by name (the gateway joins entities), and a caller states one purpose
 * per request, so each purpose is followed on its own. Each warning sits at the field's rule and
 * names the fields that would lead to its type and why each does not.
 */
export function findUnreachableGrants({
  registry,
  departments,
  callerBoundFields = CALLER_BOUND_FIELDS,
}: FindUnreachableGrantsOptions): PolicyProblem[] {
  const edges: Edge[] = departments.flatMap(({ department, policy, schema }) =>
    governedFields(schema).map((field) => ({ department, field, policy })),
  );
  const warnings: PolicyProblem[] = [];
  for (const profile of callerProfiles(registry)) {
    // For each field granted to this profile: did any purpose both grant it and reach its type?
    const granted = new Map<Edge, { reached: boolean; purposes: Array<string | null> }>();
    const lastReachable = new Map<Array<string | null>[number], Set<string>>();
    for (const purpose of profile.purposes) {
      const input = { caller: { ...profile.caller, purpose }, subjects: profile.subjects };
      const open = (edge: Edge) => {
        const bound = callerBoundFields[`${edge.field.typeName}.${edge.field.fieldName}`];
        if (bound && !(profile.whose === 'own' && profile.caller.kind === bound)) return false;
        return edge.policy.decide(edge.field.typeName, edge.field.fieldName, input).effect !== 'deny';
      };
      const reachable = reachableTypes(edges, open);
      lastReachable.set(purpose, reachable);
      for (const edge of edges) {
        if (!open(edge)) continue;
        const entry = granted.get(edge) ?? { reached: false, purposes: [] };
        entry.purposes.push(purpose);
        if (reachable.has(edge.field.typeName)) entry.reached = true;
        granted.set(edge, entry);
      }
    }
    for (const [edge, { reached, purposes }] of granted) {
      // A public field is no grant; a field of a root type (Query, Mutation) is always reachable.
      if (reached || ROOT_TYPES.has(edge.field.typeName)) continue;
      if (!edge.policy.isProtected(edge.field.typeName, edge.field.fieldName)) continue;
      // A grant behind another unreachable grant (IncomeTaxReturn.income behind Person.incomeTax) is that one's warning.
      const incoming = edges.filter((candidate) => candidate.field.namedType === edge.field.typeName);
      if (incoming.some((candidate) => granted.has(candidate))) continue;
      const purpose = purposes[0] ?? null;
      const reachable = lastReachable.get(purpose)!;
      const input = { caller: { ...profile.caller, purpose }, subjects: profile.subjects };
      const ways = incoming.map((candidate) => {
        const coordinate = `${candidate.field.typeName}.${candidate.field.fieldName}`;
        const line = candidate.policy.sources?.fields.get(coordinate)?.line;
        const where = line ? ` (${candidate.department}.yaml:${line})` : ` (${candidate.department})`;
        const bound = callerBoundFields[coordinate];
        const why = !reachable.has(candidate.field.typeName)
          ? `${candidate.field.typeName} is not reachable either`
          : bound && !(profile.whose === 'own' && profile.caller.kind === bound)
            ? `it answers only a ${bound}'s own record`
            : candidate.policy.decide(candidate.field.typeName, candidate.field.fieldName, input).effect === 'deny'
              ? 'denied to them'
              : 'open';
        return `${coordinate}${where}: ${why}`;
      });
      const coordinate = `${edge.field.typeName}.${edge.field.fieldName}`;
      const at = edge.policy.sources?.fields.get(coordinate);
      warnings.push({
        file: at?.file ?? `${edge.department}.yaml`,
        line: at?.line ?? 1,
        column: 5,
        message: `${coordinate} is granted to "${describeProfile(profile, purposes)}", but no query path lets that caller reach a ${edge.field.typeName}: ${ways.length > 0 ? ways.join('; ') : 'no field returns one'}. Open one of these paths to them, or withdraw the grant.`,
      });
    }
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Where every operation starts: a query, or a mutation (a department's certificates). */
const ROOT_TYPES: ReadonlySet<string> = new Set(['Query', 'Mutation']);

/** Types reachable from the root types through fields that are open to the caller. */
function reachableTypes(edges: readonly Edge[], open: (edge: Edge) => boolean): Set<string> {
  const reachable = new Set(ROOT_TYPES);
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of edges) {
      if (!reachable.has(edge.field.typeName) || reachable.has(edge.field.namedType)) continue;
      if (!open(edge)) continue;
      reachable.add(edge.field.namedType);
      grew = true;
    }
  }
  return reachable;
}

function describeProfile(profile: CallerProfile, purposes: ReadonlyArray<string | null>): string {
  const stated = purposes.filter((purpose): purpose is string => purpose !== null);
  return stated.length > 0 && profile.purposes.length > 1
    ? `${profile.role} with purpose ${stated.join(' or ')}`
    : profile.label;
}
