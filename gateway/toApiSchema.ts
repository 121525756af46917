import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The public API schema of a supergraph: what portals query, without the join__ machinery. */
export function toApiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The API schema as SDL, sorted so that the committed file only changes when the graph does. */
export function printApiSchema(supergraphSdl: string): string {
  return `${printSchema(lexicographicSortSchema(toApiSchema(supergraphSdl))).trimEnd()}\n`;
}
