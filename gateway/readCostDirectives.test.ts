import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCostDirectives } from './readCostDirectives.js';
import { readSubgraphSdl, SUBGRAPHS } from './subgraphList.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost"])';
const problemsOf = (sdl: string) => readCostDirectives(sdl).problems;

describe('every list in the graph', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'has a declared size in the %s subgraph schema',
    (_name, subgraph) => {
      expect(problemsOf(readSubgraphSdl(subgraph))).toEqual([]);
    },
  );

  it('keeps its declared size in the committed supergraph, as the gateway reads it', () => {
    const supergraph = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
    const { listSizes, weights, problems } = readCostDirectives(supergraph);
    expect(problems).toEqual([]);
    expect(listSizes.get('SocialSecurityAccount.monthlyContributions')).toMatchObject({ assumedSize: 600 });
    expect(listSizes.get('Company.shareholders')).toMatchObject({
      slicingArguments: ['first'],
      sizedFields: ['holdings'],
    });
    expect(weights.get('FieldAccess.field')).toBe(0);
  });
});

describe('readCostDirectives', () => {
  it('reads sizes and weights under the names the schema imports them by', () => {
    const renamed = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", { name: "@listSize", as: "@size" }])
      type Query { items(first: Int = 5): [Item!] @size(slicingArguments: ["first"], requireOneSlicingArgument: false) }
      type Item { name: String @federation__cost(weight: 3) }
    `;
    const read = readCostDirectives(renamed);
    expect(read.problems).toEqual([]);
    expect(read.listSizes.get('Query.items')).toEqual({
      assumedSize: undefined,
      slicingArguments: ['first'],
      sizedFields: [],
      requireOneSlicingArgument: false,
    });
    expect(read.weights.get('Item.name')).toBe(3);
  });

  it('names a list of objects without a size, and leaves lists of scalars alone', () => {
    expect(problemsOf(`${LINK} type Query { items: [Item!]! names: [String!] } type Item { id: ID }`)).toEqual([
      expect.stringMatching(/^Query\.items is a list of Item with no @listSize: declare/),
    ]);
  });

  it('refuses a size it would have to guess where to read', () => {
    const problems = problemsOf(`${LINK}
      type Query {
        noDefault(first: Int): [Item!] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
        wrongArgument(take: Int = 5): [Item!] @listSize(slicingArguments: ["first"], assumedSize: 5, requireOneSlicingArgument: false)
        required(first: Int = 5): [Item!] @listSize(slicingArguments: ["first"])
        page(first: Int = 5): Page @listSize(slicingArguments: ["first"], sizedFields: ["missing"], requireOneSlicingArgument: false)
        negative: [Item!] @listSize(assumedSize: -1)
      }
      type Page { items: [Item!] @listSize(assumedSize: 5) }
      type Item @cost(weight: 2) { id: ID }
    `);
    expect(problems).toEqual([
      'Item: @cost is read on fields only; give each field its weight',
      'Query.noDefault: @listSize needs assumedSize, or a slicing argument with a default',
      'Query.wrongArgument: slicing argument "first" is not an Int argument of the field',
      expect.stringMatching(/^Query\.required: declare requireOneSlicingArgument: false/),
      'Query.page: sized field "missing" is not a list field of Page',
      'Query.negative: @listSize(assumedSize:) is a whole number from 0',
    ]);
  });
});
