import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, type Caller, type RequestTarget, type Route } from '../core/index.js';
import type { CallerVerifier } from './auth.js';
import { rateLimitKeyOf, type CallerLimiter } from './limitCallers.js';

/** A route with what one request to it costs its caller, in the units of an operation's cost (limitCallers.ts). */
export interface PricedRoute {
  cost: number;
  route: Route;
}

/** Routes that all cost `cost`, but those named in `except`. */
export function priced(
  cost: number,
  routes: Record<string, Route>,
  except: Readonly<Record<string, number>> = {},
): Record<string, PricedRoute> {
  return Object.fromEntries(
    Object.entries(routes).map(([key, route]) => [
      key,
      { cost: Object.hasOwn(except, key) ? except[key]! : cost, route },
    ]),
  );
}

export interface Admission {
  /** serveGraphQL's `admit`: for every request, GraphQL, route or unknown path, before any of it runs. */
  admit(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<Caller>;
  /** Whose units a request spends (an operation's cost is charged to it later): the caller, or its client address. */
  keyOf(caller: Caller, req: IncomingMessage): string;
  /** The routes to serve, without their prices. */
  routes: Record<string, Route>;
}

/**
 * The gateway's one admission layer (DESIGN.md, "Behaviour under trouble"): every request, to
 * GraphQL or to any route, has its bearer token verified (auth.ts) and is let in by the caller
 * limits (limitCallers.ts) before anything else runs, signed in or anonymous alike. A route costs
 * what `routes` says; GraphQL 1 here, its operation's cost charged once it is validated
 * (refuseCostlyOperations.ts); a path that is nothing 1. A bad token is UNAUTHENTICATED (401),
 * after 1 unit is counted against the client address, so a flood of bad tokens is limited too.
 */
export function admitRequests(options: {
  callers: CallerVerifier;
  limiter: CallerLimiter;
  /** The request's client address (findClientAddress.ts). */
  clientAddress(req: IncomingMessage): string;
  routes: Record<string, PricedRoute>;
}): Admission {
  const { callers, limiter, clientAddress } = options;
  const keyOf = (caller: Caller, req: IncomingMessage) => rateLimitKeyOf(caller, clientAddress(req));
  return {
    keyOf,
    routes: Object.fromEntries(Object.entries(options.routes).map(([key, { route }]) => [key, route])),
    async admit(req, res, target) {
      let caller: Caller;
      try {
        caller = await callers.verify(header(req.headers.authorization), header(req.headers['x-purpose']));
      } catch (error) {
        await limiter.admit(keyOf(ANONYMOUS, req), res);
        throw error;
      }
      const cost = target.kind === 'route' ? (options.routes[target.key]?.cost ?? 1) : 1;
      await limiter.admit(keyOf(caller, req), res, cost);
      return caller;
    },
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
