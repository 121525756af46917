import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { CODE_ROOT } from '../../core/repositoryRoot.js';

/**
 * A department's subgraph schema as its server builds it (with the federation fields), from
 * `subgraphs/<department>/schema.graphql` or the SDL file given: what a policy is checked against.
 */
export function loadDepartmentSchema(
  department: string,
  schemaFile = join(CODE_ROOT, 'subgraphs', department, 'schema.graphql'),
): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(schemaFile, 'utf8')) }]);
}
