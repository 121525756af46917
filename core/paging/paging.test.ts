import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { chunk } from './chunk.js';
import { largestListOf } from './largestListOf.js';
import { pageBoundsOf, type PageBounds } from './pageBoundsOf.js';
import { cursorAt, positionOf } from './pageCursor.js';
import { firstOf, pageOf, type Page } from './pageOf.js';
import { pageSize } from './pageSize.js';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", { name: "@listSize", as: "@size" }])
  type Query {
    search(first: Int = 20): [Item!]! @size(slicingArguments: ["first"], assumedSize: 100, requireOneSlicingArgument: false)
    pages(first: Int = 5, after: String): ItemPage @size(slicingArguments: ["first"], sizedFields: ["items"], requireOneSlicingArgument: false)
    unbounded(first: Int = 5): [Item!]!
    months(from: String): [Item!]! @size(assumedSize: 7)
    noDefault(first: Int): [Item!]! @size(slicingArguments: ["first"], assumedSize: 100, requireOneSlicingArgument: false)
    tooSmall(first: Int = 50): [Item!]! @size(slicingArguments: ["first"], assumedSize: 10, requireOneSlicingArgument: false)
  }
  type ItemPage { items: [Item!] @size(assumedSize: 30) endCursor: String }
  type Item { id: ID! }
`;
const schema = buildSubgraphSchema({ typeDefs: parse(SDL) });

function boundsOf(fieldName: string, of: GraphQLSchema = schema): PageBounds {
  const parentType = of.getQueryType()!;
  return pageBoundsOf({ schema: of, parentType, fieldName });
}

async function refusal(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('the bounds of a page', () => {
  it("are the schema's: the slicing argument's default and the list's assumedSize, under its linked name", () => {
    expect(boundsOf('search')).toEqual({ argument: 'first', defaultSize: 20, maxSize: 100, paged: false });
  });

  it("of a page object are its sized list's assumedSize, and it takes a cursor", () => {
    expect(boundsOf('pages')).toEqual({ argument: 'first', defaultSize: 5, maxSize: 30, paged: true });
  });

  it('are read once per field', () => {
    expect(boundsOf('search')).toBe(boundsOf('search'));
  });

  it('are a mistake of the schema when undeclared, without a default, or smaller than the default', () => {
    expect(() => boundsOf('unbounded')).toThrow('Query.unbounded declares no @listSize');
    expect(() => boundsOf('noDefault')).toThrow(/slicing argument with a default/);
    expect(() => boundsOf('tooSmall')).toThrow(/at least the default page/);
    expect(() => boundsOf('nothing')).toThrow(/not a field/);
  });
});

describe('pageSize', () => {
  const bounds = boundsOf('search');

  it('is the default when first is left out or null, else first', () => {
    expect(pageSize(undefined, bounds)).toBe(20);
    expect(pageSize(null, bounds)).toBe(20);
    expect(pageSize(1, bounds)).toBe(1);
    expect(pageSize(100, bounds)).toBe(100);
  });

  it('refuses anything but 1 to the largest page as BAD_USER_INPUT on the argument', () => {
    for (const first of [0, -1, 101, 2.5, Number.NaN]) {
      let thrown: unknown;
      try {
        pageSize(first, bounds);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(first)).toBeInstanceOf(GraphQLError);
      expect((thrown as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect((thrown as GraphQLError).message).toBe('Invalid first: ask for 1 to 100 at a time.');
    }
  });

  it('points to the next page where the field takes a cursor', () => {
    expect(() => pageSize(31, boundsOf('pages'))).toThrow('ask for 1 to 30 at a time, and the next page with `after`');
  });
});

describe('cursors', () => {
  it('read back the position they were written for', () => {
    expect(positionOf(cursorAt(1))).toBe(1);
    expect(positionOf(cursorAt(1_234_567))).toBe(1_234_567);
  });

  it('refuse anything this code did not write as BAD_USER_INPUT on after', () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('page:0').toString('base64url'),
      Buffer.from('page:01').toString('base64url'),
      Buffer.from('page:12345678').toString('base64url'),
      `${cursorAt(3)}=`,
      'x'.repeat(1000),
    ];
    for (const cursor of forged) {
      expect(() => positionOf(cursor), cursor).toThrow(GraphQLError);
      expect(() => positionOf(cursor)).toThrow('Invalid after: not an endCursor of this list.');
    }
  });
});

describe('pageOf', () => {
  const bounds = boundsOf('pages');
  const items = Array.from({ length: 12 }, (_, index) => index + 1);
  const read = () => Promise.resolve(items);

  it('cuts pages in order, each with the cursor of the next, until the last', async () => {
    const seen: number[][] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<number> = await pageOf(read, { first: 5, after }, bounds);
      expect(page.totalCount).toBe(12);
      seen.push(page.items);
      if (!page.hasNextPage) {
        expect(page.endCursor).toBeNull();
        break;
      }
      after = page.endCursor;
    }
    expect(seen).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
  });

  it('takes the default page and answers an empty list as one empty page', async () => {
    expect((await pageOf(read, {}, bounds)).items).toEqual([1, 2, 3, 4, 5]);
    expect(await pageOf(() => Promise.resolve([]), {}, bounds)).toEqual({
      items: [],
      totalCount: 0,
      endCursor: null,
      hasNextPage: false,
    });
  });

  it('checks first and after before reading the list', async () => {
    const unread = () => Promise.reject(new Error('the list was read'));
    expect((await refusal(pageOf(unread, { first: 31 }, bounds))).extensions.argument).toBe('first');
    expect((await refusal(pageOf(unread, { after: 'nope' }, bounds))).extensions.argument).toBe('after');
  });
});

describe('firstOf', () => {
  it('answers the first items, checked first', async () => {
    const bounds = boundsOf('search');
    const read = () => Promise.resolve(Array.from({ length: 150 }, (_, index) => index));
    expect(await firstOf(read, 3, bounds)).toEqual([0, 1, 2]);
    expect(await firstOf(read, undefined, bounds)).toHaveLength(20);
    expect((await refusal(firstOf(read, 101, bounds))).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('a schema importing @listSize under its own name', () => {
  it('reads it', () => {
    const plain = buildSubgraphSchema({
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
        type Query { list(first: Int = 2): [Thing!]! @listSize(slicingArguments: ["first"], assumedSize: 4, requireOneSlicingArgument: false) }
        type Thing { id: ID! }
      `),
    });
    expect(boundsOf('list', plain)).toMatchObject({ defaultSize: 2, maxSize: 4 });
  });
});

describe('chunk', () => {
  it('splits keys into batches of the maximum, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('largestListOf', () => {
  it("is the list's assumedSize, under its linked name, and a mistake of the schema without one", () => {
    const parentType = schema.getQueryType()!;
    expect(largestListOf({ schema, parentType, fieldName: 'months' })).toBe(7);
    expect(largestListOf({ schema, parentType, fieldName: 'search' })).toBe(100);
    expect(() => largestListOf({ schema, parentType, fieldName: 'unbounded' })).toThrow(
      'Query.unbounded declares no @listSize(assumedSize:)',
    );
  });
});
