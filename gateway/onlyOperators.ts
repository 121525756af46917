import type { IncomingMessage } from 'node:http';
import { sendError, type Route } from '../core/index.js';
import { matchAddresses } from './findClientAddress.js';

/**
 * Routes for operators only (/ready, /metrics): with `operatorAddresses` (OPERATOR_ADDRESSES),
 * a caller whose client address is not in the list gets the 404 of a path that is nothing, so
 * the route is not even revealed; without it, anyone. Either way the route stays admitted and
 * costed like any other (admitRequests.ts).
 */
export function onlyOperators(options: {
  operatorAddresses?: readonly string[];
  clientAddress(req: IncomingMessage): string;
}): (route: Route) => Route {
  if (!options.operatorAddresses?.length) return (route) => route;
  const isOperator = matchAddresses(options.operatorAddresses);
  return (route) => (req, res, info) => {
    if (isOperator(options.clientAddress(req))) return route(req, res, info);
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    sendError(res, 'NOT_FOUND', `Nothing at ${path.slice(0, 100)}; GraphQL is served at /graphql.`);
  };
}
