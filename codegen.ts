import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { DEPARTMENT_SETTINGS, type DepartmentSettings } from './registry/departments.js';

/**
 * `npm run codegen`: typed resolvers for each registry department's subgraph (federation-aware,
 * with parents mapped to the department's own records) and typed documents for the example portal
 * operations. Output goes to generated/ folders, never edited by hand; a test fails when it is stale.
 */

const SCALARS: Readonly<Record<string, string>> = {
  Decimal: 'string',
  Date: 'string',
  DateTime: 'string',
  Period: 'string',
};

/** Every operation a portal sends: the examples and the reference portal's own (trusted documents). */
export const PORTAL_DOCUMENTS = ['examples/operations/*.graphql', 'portal/operations/*.graphql'];

/**
 * What a department's resolvers are typed against, from its own `subgraphs/<name>/codegen.json`
 * (paths relative to its generated/ folder), so a new department adds no line here.
 */
interface ResolverTypes {
  mappers: Record<string, string>;
  contextType: string;
  /** Scalars beyond Decimal and Date (e.g. DateTime), each mapped to a TypeScript type. */
  scalars?: Record<string, string>;
}

function readResolverTypes({ files }: DepartmentSettings): ResolverTypes {
  let parsed: Partial<ResolverTypes>;
  try {
    parsed = JSON.parse(readFileSync(new URL(files.resolverTypes, import.meta.url), 'utf8')) as Partial<ResolverTypes>;
  } catch (error) {
    throw new Error(`${files.resolverTypes}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed.contextType !== 'string' || typeof parsed.mappers !== 'object' || parsed.mappers === null) {
    throw new Error(`${files.resolverTypes} needs "mappers" (an object) and "contextType" (a string)`);
  }
  return { mappers: parsed.mappers, contextType: parsed.contextType, scalars: parsed.scalars };
}

function typedResolvers(department: DepartmentSettings) {
  const { mappers, contextType, scalars } = readResolverTypes(department);
  return {
    schema: department.schemaFile,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      enumsAsTypes: true,
      scalars: { ...SCALARS, ...scalars },
      contextType,
      mappers,
    },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  hooks: {},
  generates: {
    // One typed-resolvers file per registry department, in the registry's order.
    ...Object.fromEntries(
      DEPARTMENT_SETTINGS.map((department) => [
        `${department.files.subgraphFolder}/generated/resolvers-types.ts`,
        typedResolvers(department),
      ]),
    ),
    // The portal's trusted documents: typed document nodes carrying their sha256 hash, and the
    // manifest (hash -> document) the gateway answers portal tokens from (TRUSTED_DOCUMENTS_FILE).
    'examples/generated/client/': {
      schema: 'schema.graphql',
      documents: PORTAL_DOCUMENTS,
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { scalars: SCALARS, useTypeImports: true, enumsAsTypes: true },
    },
    'examples/generated/operations.ts': {
      schema: 'schema.graphql',
      documents: 'examples/operations/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { scalars: SCALARS, useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
