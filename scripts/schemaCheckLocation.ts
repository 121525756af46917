import type { GraphQLError } from 'graphql';

/**
 * One problem as `file:line:column: message`, the shape editors and terminals turn into a link.
 * The file is the name the SDL or operation was parsed under (its path from the checked folder);
 * `fallbackFile` names the file when graphql-js or composition could not point into one.
 */
export function formatLocatedError(error: GraphQLError, fallbackFile: string): string {
  const code = error.extensions?.code;
  const message = code === undefined ? error.message : `${String(code)}: ${error.message}`;
  // graphql-js takes `source` from the first AST node and lists `locations` in node order, so the
  // first location is in `source`. Composition errors point at the nodes of the subgraph at fault.
  const location = error.locations?.[0];
  if (error.source === undefined || location === undefined) return `${fallbackFile}: ${message}`;
  return `${error.source.name}:${location.line}:${location.column}: ${message}`;
}
