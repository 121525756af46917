import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costOfOperation } from './costOfOperation.js';
import { readCostDirectives } from './readCostDirectives.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
/** The public API schema the gateway validates against, and the sizes its supergraph declares. */
const schema = buildSchema(read('schema.graphql'));
const directives = readCostDirectives(read('supergraph.graphql'));
const COMPANY = '91330105KCNBGT44PG';

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return costOfOperation(schema, directives, document, operation, variables);
}

describe('the cost model', () => {
  it('counts each field 1 and multiplies a list of objects by its first argument', () => {
    expect(costOf('{ searchCompanies(name: "x", first: 3) { uscc name } }')).toBe(3 * (1 + 2));
  });

  it("takes the schema default for an absent first, and a variable's value as sent", () => {
    expect(costOf('{ searchCompanies(name: "x") { uscc } }')).toBe(20 * 2);
    expect(costOf('query($n: Int) { searchCompanies(name: "x", first: $n) { uscc } }', { n: 5 })).toBe(5 * 2);
    expect(costOf('query($n: Int) { searchCompanies(name: "x", first: $n) { uscc } }', { n: 100 })).toBe(100 * 2);
  });

  it("takes the variable's default when the request leaves it out, else the argument's", () => {
    expect(costOf('query($n: Int = 7) { searchCompanies(name: "x", first: $n) { uscc } }')).toBe(7 * 2);
    expect(costOf('query($n: Int) { searchCompanies(name: "x", first: $n) { uscc } }')).toBe(20 * 2);
  });

  it("multiplies a list by its first argument's default when none is sent, and a list of scalars not at all", () => {
    expect(costOf(`{ me { legalRepresentativeOf { name } } }`)).toBe(1 + 20 * 2);
    expect(costOf('{ me { dataAccessLog { accesses { accessor { roles } } } } }')).toBe(1 + 1 + 20 * (1 + 1 + 1));
  });

  it('multiplies a bounded list by the most it returns, whatever range is asked (issue 20)', () => {
    // monthlyContributions answers at most 600 months: a year asked costs as much as fifty.
    const months = (from: string, to: string) =>
      costOf(`{ me { socialSecurity { monthlyContributions(from: "${from}", to: "${to}") { period base } } } }`);
    expect(months('2025-01', '2025-12')).toBe(1 + 1 + 600 * (1 + 2));
    expect(months('1976-01', '2025-12')).toBe(months('2025-01', '2025-12'));
    // A company's returns of one year: at most 200 (subgraphs/tax/legacy/taxClient.ts).
    expect(costOf(`{ company(uscc: "${COMPANY}") { tax { filings(year: 2025) { period amount } } } }`)).toBe(
      1 + 1 + 200 * (1 + 2),
    );
  });

  it('counts a field at its @cost weight: the fields of an access are read with the access', () => {
    expect(costOf('{ me { dataAccessLog(first: 10) { accesses { fields { field decision } } } } }')).toBe(
      1 + 1 + 10 * (1 + 60 * (1 + 0 + 0)),
    );
  });

  it("hands a page's first to the list inside it", () => {
    expect(costOf('{ me { dataAccessLog(first: 5) { accesses { at } endCursor } } }')).toBe(1 + 1 + 5 * 2 + 1);
    expect(costOf(`{ company(uscc: "${COMPANY}") { shareholders(first: 100) { holdings { holderName } } } }`)).toBe(
      1 + 1 + 100 * 2,
    );
    expect(
      costOf(`query($n: Int) { company(uscc: "${COMPANY}") { shareholders(first: $n) { holdings { holderName } } } }`, {
        n: 3,
      }),
    ).toBe(1 + 1 + 3 * 2);
  });

  it("counts a company's own aliased shareholder pages as what they fetch (issue 11)", () => {
    // 30 aliases of the whole register with each holder's contact details, as a hostile company sent it.
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `c${i}: company(uscc: "${COMPANY}") { shareholders(first: 100) { holdings { holder { name phone } } } }`,
    ).join(' ');
    expect(costOf(`{ ${aliases} }`)).toBe(30 * (1 + 1 + 100 * (1 + 1 + 2)));
  });

  it('counts a fragment each time it is spread, and introspection not at all', () => {
    expect(
      costOf(
        `{ a: company(uscc: "${COMPANY}") { ...C } b: company(uscc: "${COMPANY}") { ...C } __typename } fragment C on Company { name uscc }`,
      ),
    ).toBe(2 * 3);
    expect(costOf('{ __schema { types { fields { name } } } }')).toBe(0);
  });

  it("multiplies nested lists by their first arguments' defaults, as the departments' work does", () => {
    const fanOut = `{ company(uscc: "${COMPANY}") { shareholders { holdings { holder { legalRepresentativeOf { shareholders { holdings { holderName } } } } } } } }`;
    expect(costOf(fanOut)).toBe(1 + 1 + 20 * (1 + 1 + 20 * (1 + 1 + 20 * 2)));
  });

  it('stops at a fragment cycle, which NoFragmentCyclesRule reports', () => {
    expect(costOf('{ me { ...A } } fragment A on Person { name ...B } fragment B on Person { id ...A }')).toBe(1 + 2);
  });
});

describe('a list the schema does not size', () => {
  const sdl = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost"])
    type Query { sized(first: Int = 5): [Item!] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false) unsized: [Item!] }
    type Item { name: String ids: [ID!] free: String @cost(weight: 0) }
  `;
  const small = buildSchema(sdl.replace(/@\w+\([^)]*\)|extend schema.*\n/g, ''));
  const smallDirectives = readCostDirectives(sdl);
  const costIn = (query: string) => {
    const document = parse(query);
    return costOfOperation(small, smallDirectives, document, document.definitions[0] as OperationDefinitionNode);
  };

  it('costs more than can be counted, so that the cost rule refuses it', () => {
    expect(costIn('{ sized { name ids free } }')).toBe(5 * (1 + 1 + 1 + 0));
    expect(costIn('{ unsized { free } }')).toBe(Number.POSITIVE_INFINITY);
    expect(smallDirectives.problems).toEqual([
      expect.stringMatching(/^Query\.unsized is a list of Item with no @listSize/),
    ]);
  });
});
