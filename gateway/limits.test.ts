import { readdirSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatRefusals } from './formatRefusals.js';
import {
  DEFAULT_QUERY_LIMITS,
  limitParseOptions,
  limitsFromEnvironment,
  limitValidationRules,
  type QueryLimits,
} from './limits.js';
import { costOfOperation } from './costOfOperation.js';
import { readCostDirectives } from './readCostDirectives.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
/** The public API schema the gateway validates against. */
const schema = buildSchema(read('schema.graphql'));
const PORTAL_OPERATIONS = readdirSync(new URL('../examples/operations/', import.meta.url)).map(
  (file) => [file, read(`examples/operations/${file}`)] as const,
);
const COMPANY = '91330105KCNBGT44PG';

function refusals(query: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  const errors = validate(schema, parse(query, limitParseOptions(limits)), [
    ...specifiedRules,
    ...limitValidationRules(limits),
  ]);
  return errors.map((error) => ({ code: error.extensions.code, message: error.message }));
}

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return costOfOperation(schema, readCostDirectives(read('supergraph.graphql')), document, operation, variables);
}

/** `{ company { shareholders { holdings { holder { legalRepresentativeOf { shareholders … { name } } } } } } }`: `depth` fields deep, a path portals never need. */
function nested(depth: number): string {
  const cycle = [
    ['shareholders', 'totalCount'],
    ['holdings', 'holderName'],
    ['holder', 'id'],
    ['legalRepresentativeOf', 'name'],
  ] as const;
  const path: Array<readonly [string, string]> = [[`company(uscc: "${COMPANY}")`, 'name']];
  for (let i = 0; path.length < depth - 1; i++) path.push(cycle[i % cycle.length]!);
  return `{ ${path.map(([field]) => `${field} {`).join(' ')} ${path.at(-1)![1]} ${'}'.repeat(path.length)} }`;
}

describe('the portal operations', () => {
  it.each(PORTAL_OPERATIONS)('accepts %s with every limit in force', (_file, operation) => {
    expect(refusals(operation)).toEqual([]);
  });

  it('keeps each portal operation far below the cost limit', () => {
    // SearchCompanies at its largest page, the others as the portal sends them.
    for (const [file, operation] of PORTAL_OPERATIONS)
      expect(costOf(operation, { first: 100 }), file).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost / 4);
  });

  it("accepts the explorer's full introspection query", () => {
    expect(
      refusals(
        getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
          inputValueDeprecation: true,
        }),
      ),
    ).toEqual([]);
  });
});

describe('each limit, just over', () => {
  it('refuses depth 13 with QUERY_TOO_DEEP and accepts depth 12', () => {
    expect(refusals(nested(12)).filter((error) => error.code === 'QUERY_TOO_DEEP')).toEqual([]);
    expect(refusals(nested(13))).toContainEqual({
      code: 'QUERY_TOO_DEEP',
      message: expect.stringMatching(/limit of 12 exceeded, found 13/),
    });
  });

  it('counts depth in fields, not in fragments', () => {
    const withFragments = nested(12)
      .replace(') {', ') { ... on Company { ...Registry')
      .replace(/ }$/, '} } fragment Registry on Company { name }');
    expect(refusals(withFragments)).not.toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_DEEP' }));
  });

  it('refuses 31 aliases with TOO_MANY_ALIASES and accepts 30', () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: searchCompanies(name: "x", first: 1) { uscc }`).join(' ')} }`;
    expect(refusals(aliases(30))).toEqual([]);
    expect(refusals(aliases(31))).toEqual([
      { code: 'TOO_MANY_ALIASES', message: expect.stringMatching(/limit of 30 exceeded, found 31/) },
    ]);
  });

  it('refuses 21 directives with TOO_MANY_DIRECTIVES and accepts 20', () => {
    const directives = (n: number) =>
      `query($on: Boolean!) { company(uscc: "${COMPANY}") { name @include(if: $on) ${Array.from({ length: n - 1 }, (_, i) => `f${i}: uscc @skip(if: $on)`).join(' ')} } }`;
    expect(refusals(directives(20))).toEqual([]);
    expect(refusals(directives(21))).toEqual([
      { code: 'TOO_MANY_DIRECTIVES', message: expect.stringMatching(/limit of 20 exceeded, found 21/) },
    ]);
  });

  it('stops parsing past 2,000 tokens with the wording formatRefusals recognises', () => {
    const tokens = (n: number) => `{ ${'__typename '.repeat(n - 2)}}`;
    expect(() => parse(tokens(2_000), limitParseOptions(DEFAULT_QUERY_LIMITS))).not.toThrow();
    const error = catchError(() => parse(tokens(2_001), limitParseOptions(DEFAULT_QUERY_LIMITS)));
    const formatted = formatRefusals((f) => f, { suggestions: true })(
      { message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Query token limit of 2000 exceeded. Send a smaller query.',
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
  });

  it('refuses 1,001 field selections with TOO_MANY_SELECTIONS and accepts 1,000', () => {
    const selections = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const limits = { ...DEFAULT_QUERY_LIMITS, maxAliases: 2_000, maxTokens: 5_000 };
    expect(refusals(selections(1_000), limits)).toEqual([]);
    expect(refusals(selections(1_001), limits)).toEqual([
      { code: 'TOO_MANY_SELECTIONS', message: expect.stringMatching(/selection limit of 1000 exceeded/) },
    ]);
  });

  it('counts selections with fragments expanded: 31 fragments that each spread the next two are two million', () => {
    const fragments = Array.from(
      { length: 31 },
      (_, i) =>
        `fragment F${i} on Query { __typename ${i < 30 ? `...F${i + 1}` : ''} ${i < 29 ? `...F${i + 2}` : ''} }`,
    );
    expect(refusals(`query { ...F0 } ${fragments.join(' ')}`)).toEqual([
      { code: 'TOO_MANY_SELECTIONS', message: expect.any(String) },
    ]);
  });

  it('counts each operation on its own', () => {
    const half = Array.from({ length: 600 }, (_, i) => `f${i}: __typename`).join(' ');
    expect(
      refusals(`query A { ${half} } query B { ${half} }`, {
        ...DEFAULT_QUERY_LIMITS,
        maxAliases: 2_000,
        maxTokens: 5_000,
      }),
    ).toEqual([]);
  });
});

describe('limitsFromEnvironment', () => {
  it('defaults to the named constants with introspection on', () => {
    expect(limitsFromEnvironment({})).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 2_000,
      maxDirectives: 20,
      maxCost: 5_000,
      maxSelections: 1_000,
      maxErrors: 100,
      maxResponseBytes: 2_097_152,
      introspection: true,
    });
  });

  it('reads each GRAPHQL_ setting', () => {
    const env = {
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_DIRECTIVES: '3',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_MAX_SELECTIONS: '300',
      GATEWAY_MAX_ERRORS: '10',
      GATEWAY_MAX_RESPONSE_BYTES: '65536',
      GRAPHQL_INTROSPECTION: 'off',
    };
    expect(limitsFromEnvironment(env)).toEqual({
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 500,
      maxDirectives: 3,
      maxCost: 900,
      maxSelections: 300,
      maxErrors: 10,
      maxResponseBytes: 65_536,
      introspection: false,
    });
  });

  it('refuses to start on a malformed setting, naming it', () => {
    expect(() => limitsFromEnvironment({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(
      /GRAPHQL_MAX_DEPTH must be a positive whole number/,
    );
    expect(() => limitsFromEnvironment({ GRAPHQL_MAX_COST: '5e3' })).toThrow(/GRAPHQL_MAX_COST/);
    expect(() => limitsFromEnvironment({ GRAPHQL_INTROSPECTION: 'false' })).toThrow(
      /GRAPHQL_INTROSPECTION must be "on" or "off"/,
    );
  });
});

function catchError(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
