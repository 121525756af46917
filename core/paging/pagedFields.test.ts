import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getNamedType, isObjectType, Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_ACCESS_LOG_PAGE } from '../../access-log/index.js';
import { readCostDirectives } from '../../gateway/readCostDirectives.js';
import { DEPARTMENT_SETTINGS } from '../../registry/departments.js';
import { pageBoundsOf } from './pageBoundsOf.js';

/**
 * Every paged field of every department declares its page once, in its own schema, and the
 * gateway prices the same page: the bounds a resolver reads (pageBoundsOf) are the sizes the
 * composed supergraph carries to the cost model (readCostDirectives). A paged field without
 * bounds fails here, not at a caller's first request.
 */
const root = new URL('../../', import.meta.url);
const supergraphSdl = readFileSync(new URL('supergraph.graphql', root), 'utf8');
const { listSizes } = readCostDirectives(supergraphSdl);
const supergraphTypes = new Map(
  parse(supergraphSdl)
    .definitions.filter(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION,
    )
    .map((definition) => [definition.name.value, definition]),
);

function supergraphDefault(typeName: string, fieldName: string, argument: string): unknown {
  const field = supergraphTypes.get(typeName)?.fields?.find((candidate) => candidate.name.value === fieldName);
  const value = field?.arguments?.find((candidate) => candidate.name.value === argument)?.defaultValue;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

const pagedFields = DEPARTMENT_SETTINGS.flatMap(({ schemaFile }) => {
  const schema = buildSubgraphSchema({ typeDefs: parse(readFileSync(new URL(schemaFile, root), 'utf8')) });
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('_'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ schema, type, field })))
    .filter(({ field }) => field.args.some((argument) => argument.name === 'first'))
    .map(({ schema: of, type, field }) => [`${type.name}.${field.name}`, of, type, field] as const);
});

describe("the departments' paged fields", () => {
  it('are found', () => {
    expect(pagedFields.map(([key]) => key)).toEqual(
      expect.arrayContaining(['Company.shareholders', 'Query.accessLog']),
    );
  });

  it.each(pagedFields)('%s declares its page, and the gateway prices that page', (key, schema, type, field) => {
    const bounds = pageBoundsOf({ schema, parentType: type, fieldName: field.name });
    const declared = listSizes.get(key);
    expect(declared?.slicingArguments).toEqual([bounds.argument]);
    const sized = declared?.sizedFields[0];
    const pageType = getNamedType(field.type).name;
    const largest = sized === undefined ? declared?.assumedSize : listSizes.get(`${pageType}.${sized}`)?.assumedSize;
    expect(largest).toBe(bounds.maxSize);
    expect(supergraphDefault(type.name, field.name, bounds.argument)).toBe(bounds.defaultSize);
    // What the caller reads of the bounds says the same.
    const description = field.args.find((argument) => argument.name === bounds.argument)?.description ?? '';
    expect(description).toContain(`1 to ${bounds.maxSize}`);
  });

  it('ask the access log for no more than a page its store serves', () => {
    const logPages = pagedFields.filter(([, , , field]) => getNamedType(field.type).name === 'DataAccessPage');
    expect(logPages.length).toBeGreaterThan(0);
    for (const [, schema, type, field] of logPages)
      expect(pageBoundsOf({ schema, parentType: type, fieldName: field.name }).maxSize).toBeLessThanOrEqual(
        MAX_ACCESS_LOG_PAGE,
      );
  });
});
