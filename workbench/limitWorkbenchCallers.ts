import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller } from '../core/index.js';

/**
 * Cost units one caller may spend per window, and what each route costs: the same budget and the
 * same prices the gateway charged these routes while it served them (a page 1, the policy table or
 * the version list 100, a diff 1,000; 5,000 units per 10 s), so an officer can still ask five
 * diffs every ten seconds, and a loop of them is refused before any git runs.
 */
export const WORKBENCH_RATE_LIMIT_COST = 5_000;
export const WORKBENCH_RATE_LIMIT_WINDOW_S = 10;

export const ROUTE_COST = {
  /** The page, its script and stylesheet (read or bundled once at start), a redirect, an unknown path. */
  page: 1,
  /** The policy in force as a table, or the versions of privacy/: compiled or read through git. */
  policy: 100,
  /** What changes since a version of privacy/: git, the committed files and two compilations (about 200 ms). */
  policyDiff: 1_000,
  /** One page of an access log search passed to the gateway, which charges the operation on its own. */
  graphql: 10,
} as const;

export interface WorkbenchLimits {
  costPerWindow: number;
  windowSeconds: number;
}

export const DEFAULT_WORKBENCH_LIMITS: Readonly<WorkbenchLimits> = Object.freeze({
  costPerWindow: WORKBENCH_RATE_LIMIT_COST,
  windowSeconds: WORKBENCH_RATE_LIMIT_WINDOW_S,
});

/** A charge refused: how long until the caller's units come back, and the words to say so. */
export interface RateRefusal {
  retryAfterSeconds: number;
  message: string;
}

export interface WorkbenchLimiter {
  /** Takes `units` from the caller's budget; null when they were there, else the refusal (nothing was taken). */
  charge(caller: Caller, address: string, units: number): Promise<RateRefusal | null>;
}

/**
 * Per-caller limits of the workbench's own, counted in this process's memory by
 * rate-limiter-flexible: the workbench runs as one process for a city's few privacy officers, so
 * nothing needs sharing (a second replica would count on its own, each bounded all the same). A
 * signed-in caller is counted by kind and `sub`, anyone else by the connection's address. A cost
 * above the whole window's units is taken as the window's units, so every route stays reachable.
 */
export function createWorkbenchLimiter(limits: WorkbenchLimits = DEFAULT_WORKBENCH_LIMITS): WorkbenchLimiter {
  const units = new RateLimiterMemory({
    keyPrefix: 'workbench',
    points: limits.costPerWindow,
    duration: limits.windowSeconds,
  });
  return {
    async charge(caller, address, cost) {
      const key = caller.kind === 'anonymous' ? `address:${address}` : `${caller.kind}:${caller.sub}`;
      try {
        await units.consume(key, Math.min(Math.max(1, Math.ceil(cost)), limits.costPerWindow));
        return null;
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        const retryAfterSeconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
        return {
          retryAfterSeconds,
          message: `Rate limit of ${limits.costPerWindow} cost units per ${limits.windowSeconds} s reached for this caller. Try again in ${retryAfterSeconds} s.`,
        };
      }
    },
  };
}
