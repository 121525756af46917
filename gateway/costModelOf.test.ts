import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costModelOf } from './costModelOf.js';
import { costOfOperation } from './costOfOperation.js';
import { createDocumentCache } from './createDocumentCache.js';
import { readCostDirectives } from './readCostDirectives.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const schema = buildSchema(read('schema.graphql'));
const directives = readCostDirectives(read('supergraph.graphql'));

function modelAndWalk(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return {
    model: costModelOf(schema, directives, document, operation),
    walk: (variables: Record<string, unknown>) => costOfOperation(schema, directives, document, operation, variables),
  };
}

describe('costModelOf', () => {
  it('answers what a walk of the document answers, for every kind of value of a sizing variable', () => {
    const { model, walk } = modelAndWalk(
      'query($n: Int = 7, $m: Int, $name: String!) { searchCompanies(name: $name, first: $n) { uscc } me { legalRepresentativeOf(first: $m) { name } } }',
    );
    const cases = [
      { n: 5 },
      { n: 100, m: 3 },
      {},
      { n: null },
      { n: 'x' },
      { n: 5, name: 'other' },
      { n: 5 },
      { m: 3 },
    ];
    for (const variables of cases) expect(model({ name: 'a', ...variables })).toBe(walk({ name: 'a', ...variables }));
  });

  it('costs an operation that sizes nothing by variable the same, whatever the variables', () => {
    const { model } = modelAndWalk('query($name: String!) { searchCompanies(name: $name, first: 3) { uscc name } }');
    expect(model({ name: 'a' })).toBe(9);
    // A different value of a variable that sizes nothing changes nothing: no new walk is needed.
    expect(model({ name: 'b' })).toBe(9);
  });
});

describe('createDocumentCache', () => {
  it('derives once per query hash and operation name, and again after clear', () => {
    const cache = createDocumentCache<{ n: number }>(2);
    let derived = 0;
    const derive = () => ({ n: ++derived });
    expect(cache.get({ queryHash: 'h1' }, derive)).toEqual({ n: 1 });
    expect(cache.get({ queryHash: 'h1', operationName: null }, derive)).toEqual({ n: 1 });
    expect(cache.get({ queryHash: 'h1', operationName: 'A' }, derive)).toEqual({ n: 2 });
    cache.clear();
    expect(cache.get({ queryHash: 'h1' }, derive)).toEqual({ n: 3 });
  });

  it('holds at most its bound, forgetting the least recently used', () => {
    const cache = createDocumentCache<{ n: number }>(2);
    let derived = 0;
    const derive = () => ({ n: ++derived });
    cache.get({ queryHash: 'a' }, derive);
    cache.get({ queryHash: 'b' }, derive);
    cache.get({ queryHash: 'a' }, derive);
    cache.get({ queryHash: 'c' }, derive);
    expect(cache.get({ queryHash: 'a' }, derive)).toEqual({ n: 1 });
    expect(cache.get({ queryHash: 'b' }, derive)).toEqual({ n: 4 });
  });
});
