import type { GraphQLSchema } from 'graphql';

/** A department mutation's arguments as its subgraph's SDL declares them. */
export interface MutationShape {
  arguments: ReadonlyMap<string, { required: boolean }>;
}

/** What a matter is checked against: the registry, the departments' mutations, the public schema, the roles file. */
export interface MatterCheckContext {
  departments: readonly string[];
  /** The department's Mutation fields by name; null when its schema cannot be read. */
  mutationsOf(department: string): ReadonlyMap<string, MutationShape> | null;
  /** The public API schema (schema.graphql): what `prefill.me` selects from. */
  publicSchema: GraphQLSchema;
  purposes: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}
