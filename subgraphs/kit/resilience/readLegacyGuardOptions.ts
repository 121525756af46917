import type { Department } from '../../../core/errors.js';
import type { LegacyGuardOptions } from './LegacyGuard.js';

/**
 * The defaults, and why:
 * - timeoutMs 2 s: the legacy systems answer in tens of milliseconds (100 ms at the slowest seen);
 *   2 s means one is in trouble. The trade-off: a system that is slow but would still answer in
 *   2 to 5 s is now reported unavailable, where it used to be waited for; a portal page is worth
 *   more answered in time without one department than complete after 12 s.
 * - budgetMs = timeout × 2.5 = 5 s: what a hanging system costs a portal page at most (DESIGN.md,
 *   "Behaviour under trouble"), retries included: room for one attempt, a quick retry, and no
 *   third, since a retry starts only while the budget left can hold a whole attempt.
 * - 2 retries, 50 ms first backoff, at most 500 ms: a dropped connection or a busy answer is
 *   usually gone within a few hundred milliseconds; more tries would triple the load on a
 *   system that is already failing.
 * - 16 in flight, 64 queued: an old system serves a handful of connections well; a short queue
 *   absorbs a burst from the loaders, and anything beyond fails at once instead of piling up.
 * - 5 consecutive failures open the circuit for 10 s: a few requests' worth of evidence, then
 *   the system gets quiet time to recover while callers get an answer at once.
 */
export const LEGACY_GUARD_DEFAULTS = {
  timeoutMs: 2_000,
  budgetFactor: 2.5,
  retries: 2,
  retryInitialDelayMs: 50,
  retryMaxDelayMs: 500,
  maxConcurrent: 16,
  maxQueued: 64,
  breakerThreshold: 5,
  breakerResetMs: 10_000,
} as const;

/** What createLegacyGuard takes: any option given here wins over the environment. */
export interface LegacyGuardSettings extends Partial<LegacyGuardOptions> {
  /**
   * The timeout every department shares (SubgraphSettings.legacyTimeoutMs, which a deployed
   * subgraph reads from LEGACY_TIMEOUT_MS): a department's own <DEPT>_LEGACY_TIMEOUT_MS refines it.
   */
  sharedTimeoutMs?: number | undefined;
  /**
   * The variables to read: readSubgraphConfig (subgraphs/kit/subgraphConfig.ts) gives the process's
   * once at start; none by default (then only the options given and the defaults count).
   */
  environment?: Readonly<Record<string, string | undefined>>;
}

type Check = 'positive' | 'count' | 'atLeastOne';

/**
 * Resolves a department's guard options: an explicit option, else its variable
 * (<DEPT>_LEGACY_TIMEOUT_MS, _BUDGET_MS, _RETRIES, _MAX_CONCURRENT, _BREAKER_RESET_MS; for the
 * timeout, then `sharedTimeoutMs`, then LEGACY_TIMEOUT_MS), else the default.
 * A value that makes no sense throws a RangeError naming it, so a misconfigured subgraph does
 * not start rather than run unprotected.
 */
export function readLegacyGuardOptions(department: Department, settings: LegacyGuardSettings = {}): LegacyGuardOptions {
  const environment = settings.environment ?? {};
  const prefix = `${department.toUpperCase()}_LEGACY_`;
  const fromEnvironment = (name: string, check: Check): number | undefined => {
    const raw = environment[name];
    return raw === undefined || raw.trim() === '' ? undefined : checked(name, Number(raw), check, raw);
  };
  const pick = (
    option: keyof typeof LEGACY_GUARD_DEFAULTS & keyof LegacyGuardOptions,
    check: Check,
    variable?: string,
  ): number => {
    const given = settings[option];
    if (given !== undefined) return checked(option, given, check);
    return (
      (variable === undefined ? undefined : fromEnvironment(`${prefix}${variable}`, check)) ??
      LEGACY_GUARD_DEFAULTS[option]
    );
  };

  const timeoutMs =
    (settings.timeoutMs !== undefined ? checked('timeoutMs', settings.timeoutMs, 'positive') : undefined) ??
    fromEnvironment(`${prefix}TIMEOUT_MS`, 'positive') ??
    (settings.sharedTimeoutMs !== undefined
      ? checked('sharedTimeoutMs', settings.sharedTimeoutMs, 'positive')
      : undefined) ??
    fromEnvironment('LEGACY_TIMEOUT_MS', 'positive') ??
    LEGACY_GUARD_DEFAULTS.timeoutMs;
  const budgetMs =
    (settings.budgetMs !== undefined ? checked('budgetMs', settings.budgetMs, 'positive') : undefined) ??
    fromEnvironment(`${prefix}BUDGET_MS`, 'positive') ??
    Math.round(timeoutMs * LEGACY_GUARD_DEFAULTS.budgetFactor);
  return {
    timeoutMs,
    budgetMs,
    retries: pick('retries', 'count', 'RETRIES'),
    retryInitialDelayMs: pick('retryInitialDelayMs', 'positive'),
    retryMaxDelayMs: pick('retryMaxDelayMs', 'positive'),
    maxConcurrent: pick('maxConcurrent', 'atLeastOne', 'MAX_CONCURRENT'),
    maxQueued: pick('maxQueued', 'count'),
    breakerThreshold: pick('breakerThreshold', 'atLeastOne'),
    breakerResetMs: pick('breakerResetMs', 'positive', 'BREAKER_RESET_MS'),
    events: settings.events ?? {},
  };
}

function checked(name: string, value: number, check: Check, raw: string = String(value)): number {
  const ok =
    check === 'positive'
      ? Number.isFinite(value) && value > 0
      : Number.isInteger(value) && value >= (check === 'count' ? 0 : 1);
  if (!ok) {
    const wanted =
      check === 'positive'
        ? 'a positive number of milliseconds'
        : check === 'count'
          ? 'a whole number from 0'
          : 'a whole number from 1';
    throw new RangeError(`${name} must be ${wanted}, not "${raw.slice(0, 40)}"`);
  }
  return value;
}
