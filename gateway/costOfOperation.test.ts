import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCostRule } from './queryCostRule.js';

/** The public API schema the gateway validates against. */
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const COMPANY = '91330105KCNBGT44PG';

function costOf(query: string): number {
  let cost = 0;
  validate(schema, parse(query), [queryCostRule({ maxCost: -1, refuse: (_context, found) => (cost = found) })]);
  return cost;
}

describe('the cost model', () => {
  it('counts each field 1 and multiplies a list of objects by its first argument', () => {
    expect(costOf('{ searchCompanies(name: "x", first: 3) { uscc name } }')).toBe(3 * (1 + 2));
  });

  it('takes the schema default for an absent first, and 100 for a variable', () => {
    expect(costOf('{ searchCompanies(name: "x") { uscc } }')).toBe(20 * 2);
    expect(costOf('query($n: Int) { searchCompanies(name: "x", first: $n) { uscc } }')).toBe(100 * 2);
  });

  it('multiplies a list without first by 20, and a list of scalars not at all', () => {
    expect(costOf(`{ company(uscc: "${COMPANY}") { shareholders { holderName } } }`)).toBe(1 + 20 * 2);
    expect(costOf('{ me { dataAccessLog { accesses { accessor { roles } } } } }')).toBe(1 + 1 + 20 * (1 + 1 + 1));
  });

  it("hands a page's first to the list inside it", () => {
    expect(costOf('{ me { dataAccessLog(first: 5) { accesses { at } endCursor } } }')).toBe(1 + 1 + 5 * 2 + 1);
  });

  it('counts a fragment each time it is spread, and introspection not at all', () => {
    expect(costOf(`{ a: company(uscc: "${COMPANY}") { ...C } b: company(uscc: "${COMPANY}") { ...C } __typename } fragment C on Company { name uscc }`)).toBe(2 * 3);
    expect(costOf('{ __schema { types { fields { name } } } }')).toBe(0);
  });

  it("multiplies nested lists, as the departments' work does", () => {
    const fanOut = `{ company(uscc: "${COMPANY}") { shareholders { holder { legalRepresentativeOf { shareholders { holderName } } } } } }`;
    expect(costOf(fanOut)).toBe(1 + 20 * (1 + 1 + 20 * (1 + 20 * 2)));
  });

  it('stops at a fragment cycle, which NoFragmentCyclesRule reports', () => {
    expect(costOf('{ me { ...A } } fragment A on Person { name ...B } fragment B on Person { id ...A }')).toBe(1 + 2);
  });
});
