import { describe, expect, it } from 'vitest';
import { LEGACY_GUARD_DEFAULTS, readLegacyGuardOptions } from './readLegacyGuardOptions.js';

describe('readLegacyGuardOptions', () => {
  it('uses the defaults when nothing is set', () => {
    const options = readLegacyGuardOptions('tax', { environment: {} });
    expect(options).toMatchObject({
      timeoutMs: 2_000,
      budgetMs: 5_000,
      retries: 2,
      retryInitialDelayMs: 50,
      retryMaxDelayMs: 500,
      maxConcurrent: 16,
      maxQueued: 64,
      breakerThreshold: 5,
      breakerResetMs: 10_000,
    });
    expect(LEGACY_GUARD_DEFAULTS.budgetFactor).toBe(2.5);
  });

  it("reads the department's own variables, and budgets 2.5 times its timeout", () => {
    const environment = {
      TAX_LEGACY_TIMEOUT_MS: '800',
      TAX_LEGACY_RETRIES: '0',
      TAX_LEGACY_MAX_CONCURRENT: '4',
      TAX_LEGACY_BREAKER_RESET_MS: '2500',
      SOCIAL_LEGACY_TIMEOUT_MS: '9000',
    };
    expect(readLegacyGuardOptions('tax', { environment })).toMatchObject({
      timeoutMs: 800,
      budgetMs: 2_000,
      retries: 0,
      maxConcurrent: 4,
      breakerResetMs: 2_500,
    });
    expect(
      readLegacyGuardOptions('tax', { environment: { ...environment, TAX_LEGACY_BUDGET_MS: '1000' } }).budgetMs,
    ).toBe(1_000);
  });

  it("lets a department's timeout refine the shared one, and an explicit option win over both", () => {
    const shared = { LEGACY_TIMEOUT_MS: '3000' };
    expect(readLegacyGuardOptions('market', { environment: shared }).timeoutMs).toBe(3_000);
    expect(readLegacyGuardOptions('market', { environment: shared, sharedTimeoutMs: 2_000 }).timeoutMs).toBe(2_000);
    expect(
      readLegacyGuardOptions('market', {
        environment: { ...shared, MARKET_LEGACY_TIMEOUT_MS: '1000' },
        sharedTimeoutMs: 2_000,
      }).timeoutMs,
    ).toBe(1_000);
    expect(
      readLegacyGuardOptions('market', {
        environment: { MARKET_LEGACY_TIMEOUT_MS: '1000', MARKET_LEGACY_RETRIES: '5' },
        timeoutMs: 300,
        retries: 1,
      }),
    ).toMatchObject({ timeoutMs: 300, budgetMs: 750, retries: 1 });
  });

  it('ignores empty variables', () => {
    expect(
      readLegacyGuardOptions('social', { environment: { SOCIAL_LEGACY_RETRIES: '', LEGACY_TIMEOUT_MS: ' ' } }),
    ).toMatchObject({ retries: 2, timeoutMs: 2_000 });
  });

  it('refuses a value that makes no sense, naming the variable', () => {
    expect(() => readLegacyGuardOptions('tax', { environment: { TAX_LEGACY_TIMEOUT_MS: 'soon' } })).toThrow(
      /TAX_LEGACY_TIMEOUT_MS must be a positive number/,
    );
    expect(() => readLegacyGuardOptions('tax', { environment: { TAX_LEGACY_RETRIES: '-1' } })).toThrow(
      /TAX_LEGACY_RETRIES must be a whole number from 0/,
    );
    expect(() => readLegacyGuardOptions('tax', { environment: { TAX_LEGACY_MAX_CONCURRENT: '0' } })).toThrow(
      /TAX_LEGACY_MAX_CONCURRENT must be a whole number from 1/,
    );
    expect(() => readLegacyGuardOptions('tax', { environment: {}, breakerResetMs: 0 })).toThrow(RangeError);
  });
});
