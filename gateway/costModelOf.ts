import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { costOfOperation } from './costOfOperation.js';
import type { CostDirectives } from './readCostDirectives.js';

/** An operation's cost as a function of the request's variables. */
export type CostModel = (variables: Readonly<Record<string, unknown>>) => number;

/** Costs kept per operation for distinct values of the variables it sizes lists by (a page size, mostly). */
const COSTS_PER_OPERATION = 16;

/**
 * One operation's cost model (costOfOperation.ts), walking its document once: the walk records
 * which variables it read (only those that size a list can matter), so an operation that sizes
 * nothing by variable costs the same for every request, and one that does costs the same for
 * the same values of those variables. Kept per document (createDocumentCache.ts), it replaces a
 * walk of every request's document by a lookup.
 */
export function costModelOf(
  schema: GraphQLSchema,
  directives: CostDirectives,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CostModel {
  const read = new Set<string>();
  const recording = (variables: Readonly<Record<string, unknown>>) =>
    new Proxy(variables, {
      get: (target, name) => {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
    });
  let names: readonly string[] | null = null;
  const costs = new Map<string, number>();
  return (variables) => {
    if (names === null) {
      const cost = costOfOperation(schema, directives, document, operation, recording(variables));
      names = [...read];
      costs.set(keyOf(names, variables), cost);
      return cost;
    }
    const key = keyOf(names, variables);
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = costOfOperation(schema, directives, document, operation, variables);
      if (costs.size >= COSTS_PER_OPERATION) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
    }
    return cost;
  };
}

/**
 * The values of the variables that matter, as one key, told apart as costOfOperation tells them:
 * a number is a size; null or absent gives way to the variable's default; anything else to the
 * argument's default.
 */
function keyOf(names: readonly string[], variables: Readonly<Record<string, unknown>>): string {
  let key = '';
  for (const name of names) {
    const value = variables[name];
    key += `${typeof value === 'number' ? value : value === undefined || value === null ? 'u' : '-'},`;
  }
  return key;
}
