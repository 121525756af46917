import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

/** The repository's root, where `privacy/` and `subgraphs/` sit. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A department's subgraph schema as its server builds it (with the federation fields), from
 * `subgraphs/<department>/schema.graphql` or the SDL file given: what a policy is checked against.
 */
export function loadDepartmentSchema(
  department: string,
  schemaFile = join(REPOSITORY_ROOT, 'subgraphs', department, 'schema.graphql'),
): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(schemaFile, 'utf8')) }]);
}
