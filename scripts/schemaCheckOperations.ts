import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, parse, Source, validate, type GraphQLSchema } from 'graphql';
import { formatLocatedError } from './schemaCheckLocation.js';

/** The portal's operations, relative to the checked folder: the queries a schema change must not break. */
export const OPERATIONS_FOLDER = 'examples/operations';

/**
 * Every problem the portal's operations would have against `schema`, as `file:line:column: message`:
 * a syntax error, or what graphql-js validation (the spec's rules, as the gateway applies them)
 * refuses, e.g. a field that is gone or has another type. Empty when all of them still validate.
 */
export function validateOperations(root: string, schema: GraphQLSchema): string[] {
  const files = readdirSync(join(root, OPERATIONS_FOLDER))
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => `${OPERATIONS_FOLDER}/${name}`);
  return files.flatMap((file) => {
    try {
      const document = parse(new Source(readFileSync(join(root, file), 'utf8'), file));
      return validate(schema, document).map((error) => formatLocatedError(error, file));
    } catch (error) {
      if (error instanceof GraphQLError) return [formatLocatedError(error, file)];
      throw error;
    }
  });
}
