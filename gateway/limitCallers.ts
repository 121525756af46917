import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { graphError, type Caller } from '../core/index.js';

/**
 * Cost units one caller may spend per window (gateway/costOfOperation.ts): one of the costliest
 * operations the gateway runs (5,000), or 30 citizen dashboards (165 each), every 10 seconds. A
 * short window keeps a caller's burst short: with 30,000 a minute, a company spent its minute's
 * budget on a dozen aliased shareholder registers (600 people each) in its first second, and
 * every portal page waited behind them (bench/RESULTS.md, "Hostile neighbour").
 */
export const RATE_LIMIT_COST = 5_000;
export const RATE_LIMIT_WINDOW_S = 10;
/** Requests of one caller in flight at once: a browser opens six connections to a host. */
export const MAX_IN_FLIGHT = 10;
/**
 * Cost units a document that fails validation costs its sender: graphql does not cache a refused
 * document, so each copy goes through every validation rule again (about 9 ms for the 31-fragment
 * family of issue 11). At 100 units, a caller refused all day gets 50 documents checked every
 * 10 seconds: about 5 % of one core, however fast it sends.
 */
export const REFUSED_DOCUMENT_COST = 100;
/**
 * How long a refusal waits before it is sent. A client that ignores Retry-After would otherwise
 * turn each refusal straight into its next request, a thousand a second from one machine, each
 * costing the gateway an HTTP exchange; held this long, each of its connections sends about one
 * request a second. A waiting refusal holds only a socket and a timer.
 */
export const REFUSAL_DELAY_MS = 1_000;
/**
 * How long an in-flight count lives in Redis after it first goes up: a gateway replica that dies
 * with requests in flight cannot lock its callers out for longer than this.
 */
const IN_FLIGHT_TTL_S = 60;

export interface CallerLimits {
  costPerWindow: number;
  windowSeconds: number;
  maxInFlight: number;
  /** Where the counters live, so that every gateway replica counts the same; in this process when absent. */
  redisUrl?: string;
  /** Prefix of every Redis key (several graphs, or test runs, may share one Redis). */
  keyPrefix?: string;
}

export const DEFAULT_CALLER_LIMITS: Readonly<CallerLimits> = Object.freeze({
  costPerWindow: RATE_LIMIT_COST,
  windowSeconds: RATE_LIMIT_WINDOW_S,
  maxInFlight: MAX_IN_FLIGHT,
});

/**
 * The limits from the given variables (README, "Ports and settings"), for readGatewayConfig
 * (gateway/gatewayConfig.ts), which reads them once at start; a malformed value stops the start.
 */
export function callerLimitsFromEnvironment(env: Readonly<Record<string, string | undefined>>): CallerLimits {
  const number = (variable: string, fallback: number) => {
    const value = env[variable];
    if (value === undefined || value === '') return fallback;
    if (!/^[1-9][0-9]{0,9}$/.test(value))
      throw new Error(`${variable} must be a positive whole number, not "${value.slice(0, 40)}".`);
    return Number(value);
  };
  return {
    costPerWindow: number('GATEWAY_RATE_LIMIT_COST', RATE_LIMIT_COST),
    windowSeconds: number('GATEWAY_RATE_LIMIT_WINDOW_S', RATE_LIMIT_WINDOW_S),
    maxInFlight: number('GATEWAY_MAX_IN_FLIGHT', MAX_IN_FLIGHT),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.GATEWAY_RATE_LIMIT_PREFIX ? { keyPrefix: env.GATEWAY_RATE_LIMIT_PREFIX } : {}),
  };
}

export interface CallerLimiter {
  /**
   * Lets a request in, before it is parsed or its route runs: one more in flight for its caller,
   * and `cost` units (1 for GraphQL, whose operation's cost is charged once it is known, so that
   * even requests refused later are counted; a route's own cost, gateway/server.ts). A cost above
   * the whole window's units is taken as the window's units, so that every route stays reachable.
   * Over either limit it throws RATE_LIMITED (429) after setting Retry-After on `res`; the
   * in-flight slot is given back when `res` closes.
   */
  admit(key: string, res: ServerResponse, cost?: number): Promise<void>;
  /** Charges an operation's cost (less the unit `admit` took); over the limit, RATE_LIMITED (429) with Retry-After. */
  charge(key: string, cost: number): Promise<void>;
  /** Another concern's counter in the same store, `points` per `seconds` per key (gateway/limitCreations.ts). */
  counter(name: string, points: number, seconds: number): RateLimiterAbstract;
  /**
   * Resolves once the shared store answers (at once without Redis), or after REDIS_READY_WAIT_MS:
   * a gateway that starts serving before Redis is connected counts its first callers in its own
   * memory (the insurance limiter), so replicas would not share those counts.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** How long a starting gateway waits for Redis before it serves with counts in its own memory. */
export const REDIS_READY_WAIT_MS = 3_000;

/**
 * Who is counted: an authenticated caller by kind and `sub` (one person on several devices is one
 * caller), an anonymous one by its client address (gateway/findClientAddress.ts: behind trusted
 * proxies, the address they forwarded), as `addressKeyOf` groups it.
 */
export function rateLimitKeyOf(caller: Caller, clientAddress: string): string {
  return caller.kind === 'anonymous' ? `address:${addressKeyOf(clientAddress)}` : `${caller.kind}:${caller.sub}`;
}

/**
 * The budget an anonymous address counts against: an IPv4 address on its own, an IPv6 address by
 * its /64. A /64 is what one household, phone or server is given, and its host picks any address
 * in it at will (privacy extensions make a new one every few hours); counted per address, one
 * machine would have 2^64 budgets. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is IPv4.
 */
export function addressKeyOf(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.slice(0, 64);
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups, a zone dropped). */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.replace(/%.*$/, '').split('::');
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * Per-caller limits at the gateway (DESIGN.md, "Behaviour under trouble"): cost units per window,
 * and requests in flight. Counted by rate-limiter-flexible, in Redis when `redisUrl` is given (so
 * replicas share them) and in memory otherwise; while Redis cannot be reached, each replica counts
 * in memory (the limiter's insurance), so an outage of Redis neither stops the graph nor lifts the limits.
 */
export function createCallerLimiter(limits: CallerLimits): CallerLimiter {
  const prefix = limits.keyPrefix ?? 'city-graph';
  const redis = limits.redisUrl
    ? new Redis(limits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  // ioredis reports a lost connection as an 'error' event; the insurance limiter covers it, so it is not a crash.
  redis?.on('error', () => {});
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const options = { keyPrefix: `${prefix}:${name}`, points, duration };
    const memory = new RateLimiterMemory(options);
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  };
  const cost = limiter('cost', limits.costPerWindow, limits.windowSeconds);
  const inFlight = limiter('in-flight', limits.maxInFlight, IN_FLIGHT_TTL_S);

  return {
    async admit(key, res, units = 1) {
      const [slot, unit] = await Promise.allSettled([
        inFlight.consume(key, 1),
        cost.consume(key, Math.min(Math.max(1, Math.ceil(units)), limits.costPerWindow)),
      ]);
      // A refused consume counts too (the limiter adds before it compares): a request refused a slot gives it back at once.
      const release = () => void inFlight.reward(key, 1).catch(() => {});
      if (slot.status === 'fulfilled') res.once('close', release);
      else if (slot.reason instanceof RateLimiterRes) release();
      const refused =
        slot.status === 'rejected'
          ? { reason: slot.reason, limit: 'in-flight' as const }
          : unit.status === 'rejected'
            ? { reason: unit.reason, limit: 'cost' as const }
            : null;
      if (!refused) return;
      // A slot in flight frees as soon as one of the caller's answers is sent: a second is plenty.
      const seconds =
        refused.limit === 'in-flight'
          ? rethrowStoreError(refused.reason, 1)
          : retryAfterSeconds(refused.reason, limits.windowSeconds);
      res.setHeader('retry-after', String(seconds));
      await delay(REFUSAL_DELAY_MS);
      throw rateLimited(refused.limit, seconds, limits);
    },
    async charge(key, units) {
      if (units <= 1) return;
      try {
        await cost.consume(key, Math.ceil(units - 1));
      } catch (error) {
        const seconds = retryAfterSeconds(error, limits.windowSeconds);
        await delay(REFUSAL_DELAY_MS);
        throw rateLimited('cost', seconds, limits, {
          http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
        });
      }
    },
    counter: limiter,
    async ready() {
      if (!redis || redis.status === 'ready') return;
      const waited = new AbortController();
      await Promise.race([
        once(redis, 'ready', { signal: waited.signal }).catch(() => {}),
        delay(REDIS_READY_WAIT_MS, undefined, { signal: waited.signal }).catch(() => {}),
      ]);
      waited.abort();
    },
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/** When the caller may try again: when the window's units come back. A store error (not a refusal) is rethrown. */
function retryAfterSeconds(reason: unknown, fallback: number): number {
  if (reason instanceof RateLimiterRes) return Math.max(1, Math.ceil(reason.msBeforeNext / 1000));
  return rethrowStoreError(reason, fallback);
}

function rethrowStoreError(reason: unknown, seconds: number): number {
  if (reason instanceof Error) throw reason;
  return seconds;
}

function rateLimited(
  limit: 'cost' | 'in-flight',
  seconds: number,
  limits: CallerLimits,
  extensions: Record<string, unknown> = {},
) {
  const message =
    limit === 'cost'
      ? `Rate limit of ${limits.costPerWindow} cost units per ${limits.windowSeconds} s reached for this caller. Try again in ${seconds} s.`
      : `Too many requests of this caller in flight (at most ${limits.maxInFlight}). Try again in ${seconds} s.`;
  return graphError('RATE_LIMITED', message, { limit, retryAfter: seconds, ...extensions });
}

/**
 * Charges REFUSED_DOCUMENT_COST to the sender of a document that failed validation, once its
 * refusal is known; a caller already over its units is refused at its next request.
 */
export function chargeRefusals<TContext extends BaseContext>(options: {
  charge(context: TContext, units: number): Promise<void>;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async validationDidStart() {
          return async (errors?: readonly Error[]) => {
            // Apollo does not await this hook: the charge must not throw, and its refusal waits for the next request.
            if (errors?.length) await options.charge(contextValue, REFUSED_DOCUMENT_COST).catch(() => {});
          };
        },
      };
    },
  };
}
