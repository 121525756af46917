import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costOfOperation } from './costOfOperation.js';

/** The public API schema the gateway validates against. */
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const COMPANY = '91330105KCNBGT44PG';

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return costOfOperation(schema, document, operation, variables);
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

  it('multiplies a list without first by 20, and a list of scalars not at all', () => {
    expect(costOf(`{ me { legalRepresentativeOf { name } } }`)).toBe(1 + 20 * 2);
    expect(costOf('{ me { dataAccessLog { accesses { accessor { roles } } } } }')).toBe(1 + 1 + 20 * (1 + 1 + 1));
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

  it("multiplies nested lists, as the departments' work does", () => {
    const fanOut = `{ company(uscc: "${COMPANY}") { shareholders { holdings { holder { legalRepresentativeOf { shareholders { holdings { holderName } } } } } } } }`;
    expect(costOf(fanOut)).toBe(1 + 1 + 20 * (1 + 1 + 20 * (1 + 1 + 20 * 2)));
  });

  it('stops at a fragment cycle, which NoFragmentCyclesRule reports', () => {
    expect(costOf('{ me { ...A } } fragment A on Person { name ...B } fragment B on Person { id ...A }')).toBe(1 + 2);
  });
});
