import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse, Source, type DocumentNode } from 'graphql';
import { SUBGRAPHS } from '../gateway/subgraphList.js';
import { printApiSchema } from '../gateway/toApiSchema.js';
import { formatLocatedError } from './schemaCheckLocation.js';

export type ComposedApiSchema = { ok: true; apiSchemaSdl: string } | { ok: false; problems: string[] };

/** What composition is told about a subgraph's URL: the public API schema does not depend on it. */
const UNUSED_ROUTING_URL = 'http://schema-check.invalid/graphql';

/**
 * Composes the subgraph schema files found under `root` (the paths `gateway/subgraphList.ts` names)
 * into the public API schema, printed the way `npm run compose` writes schema.graphql, so that it
 * can be compared with the committed one. Every SDL is parsed under its path from `root`, so a
 * syntax error or a composition error comes back as `file:line:column: message`.
 */
export function composeApiSchema(root: string): ComposedApiSchema {
  const problems: string[] = [];
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  for (const { name, schemaFile } of SUBGRAPHS) {
    try {
      const source = new Source(readFileSync(join(root, schemaFile), 'utf8'), schemaFile);
      services.push({ name, url: UNUSED_ROUTING_URL, typeDefs: parse(source) });
    } catch (error) {
      problems.push(
        error instanceof GraphQLError ? formatLocatedError(error, schemaFile) : `${schemaFile}: ${String(error)}`,
      );
    }
  }
  // Composing the rest would only add errors caused by the subgraph that did not parse.
  if (problems.length > 0) return { ok: false, problems };
  const result = composeServices(services);
  if (result.errors)
    return { ok: false, problems: result.errors.map((error) => formatLocatedError(error, 'composition')) };
  return { ok: true, apiSchemaSdl: printApiSchema(result.supergraphSdl) };
}
