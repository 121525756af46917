import type { GraphQLSchema } from 'graphql';

/**
 * A protection the kit puts around a subgraph's schema, shaped like an envelop plugin: made by a
 * `use…` function from one options object (usePrivacyPolicy), it is handed the built schema once
 * and returns the schema to serve, and it releases what it holds when the server stops.
 * startSubgraph runs its list in order; a protection is switched off by leaving it out of the list.
 */
export interface SchemaPlugin {
  name: string;
  /** Wraps the schema; throwing stops the start (e.g. a policy file that fails its check). */
  onSchema(schema: GraphQLSchema): GraphQLSchema;
  onClose(): void;
}
