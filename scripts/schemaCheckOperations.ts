import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { GraphQLError, parse, Source, validate, type GraphQLSchema } from 'graphql';
import { formatLocatedError } from './schemaCheckLocation.js';

/** The portal's operations, relative to the checked folder: the queries a schema change must not break. */
export const OPERATIONS_FOLDER = 'examples/operations';
/** Every folder of portal operations: the examples and the reference portal's own. */
export const OPERATIONS_FOLDERS = [OPERATIONS_FOLDER, 'portal/operations'] as const;
/** The trusted documents' manifest (`npm run codegen`, the client preset), which the gateway answers portal tokens from. */
export const MANIFEST_FILE = 'examples/generated/client/persisted-documents.json';

/**
 * Every problem the portal's operations would have against `schema`, as `file:line:column: message`:
 * a syntax error, or what graphql-js validation (the spec's rules, as the gateway applies them)
 * refuses, e.g. a field that is gone or has another type. Then the trusted documents' manifest:
 * each entry's hash is the sha256 of its document, each document validates, and each operation
 * of the folders is registered (else the manifest is stale: `npm run codegen`). Empty when all is well.
 */
export function validateOperations(root: string, schema: GraphQLSchema): string[] {
  const files = OPERATIONS_FOLDERS.filter((folder) => existsSync(join(root, folder))).flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
  const manifest = readManifest(root);
  const problems = files.flatMap((file) => {
    try {
      const document = parse(new Source(readFileSync(join(root, file), 'utf8'), file));
      const errors = validate(schema, document).map((error) => formatLocatedError(error, file));
      if (manifest.documents && !manifest.documents.has(sha256(printExecutableGraphQLDocument(document))))
        errors.push(`${file}:1:1: not in the trusted documents (${MANIFEST_FILE}): run npm run codegen`);
      return errors;
    } catch (error) {
      if (error instanceof GraphQLError) return [formatLocatedError(error, file)];
      throw error;
    }
  });
  return [...problems, ...manifest.problems, ...validateManifest(manifest.documents, schema)];
}

function readManifest(root: string): { documents: Map<string, string> | null; problems: string[] } {
  const file = join(root, MANIFEST_FILE);
  if (!existsSync(file)) return { documents: null, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { documents: new Map(), problems: [`${MANIFEST_FILE}:1:1: ${(error as Error).message}`] };
  }
  const documents = new Map<string, string>();
  const problems: string[] = [];
  for (const [key, document] of Object.entries(parsed as Record<string, unknown>)) {
    const hash = key.replace(/^sha256:/, '');
    if (typeof document !== 'string' || sha256(document) !== hash)
      problems.push(`${MANIFEST_FILE}:1:1: ${key} is not the sha256 of its document`);
    else documents.set(hash, document);
  }
  return { documents, problems };
}

function validateManifest(documents: Map<string, string> | null, schema: GraphQLSchema): string[] {
  if (!documents) return [];
  return [...documents].flatMap(([hash, text]) => {
    const name = `${MANIFEST_FILE} sha256:${hash.slice(0, 12)}`;
    try {
      return validate(schema, parse(new Source(text, name))).map((error) => formatLocatedError(error, name));
    } catch (error) {
      if (error instanceof GraphQLError) return [formatLocatedError(error, name)];
      throw error;
    }
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
