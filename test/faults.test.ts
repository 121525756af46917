import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CitizenDashboardDocument,
  CompanyProfileDocument,
  type CitizenDashboardQuery,
  type CompanyProfileQuery,
} from '../examples/generated/operations.js';
import type { Faults } from '../legacy-mocks/common/index.js';
import type { UnavailableReason } from '../core/errors.js';
import { LEGACY_GUARD_DEFAULTS } from '../subgraphs/kit/resilience/index.js';
import { expectedCitizenDashboard, expectedCompanyProfile, sortedBy } from './expected.js';
import { startStack, type DepartmentName, type GraphResponse, type Stack } from './harness.js';

// Fault injection through the whole stack: each legacy mock misbehaves on request, and the
// portal's answer must lose only that department's fields, within a bounded time, with the
// subgraphs' guards (kit/resilience) retrying, timing out and opening the circuit.

const YEAR = 2024;
const TIMEOUT_MS = 300;
const BUDGET_MS = TIMEOUT_MS * LEGACY_GUARD_DEFAULTS.budgetFactor;
const BREAKER_RESET_MS = 1_000;
/**
 * A portal request waits for at most a few departments' budgets in a row (the registry first,
 * then what hangs off its answer); a second on top for a busy machine. Without the budget a hung
 * system would hold the request until the test's own timeout.
 */
const LATENCY_BOUND_MS = 3 * BUDGET_MS + 1_000;

let stack: Stack;
let uscc: string;
let citizen: string;

beforeAll(async () => {
  stack = await startStack({ legacyTimeoutMs: TIMEOUT_MS, legacyGuard: { breakerResetMs: BREAKER_RESET_MS } });
  uscc = stack.dataSet.fixtures.companyInArrears;
  citizen = stack.dataSet.fixtures.multiRepresentative;
  // Loads the registry's and the bureau's WSDLs, so the faults below meet the operations.
  await expectHealthy();
});
afterEach(async () => {
  await stack.resetLegacy();
});
afterAll(async () => {
  await stack?.close();
});

const asCompany = () => ({ as: { kind: 'company' as const, sub: uscc } });
const asCitizen = () => ({ as: { kind: 'person' as const, sub: citizen } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The company profile as the company itself: registry data (market), tax, social insurance. */
async function companyProfile() {
  const started = performance.now();
  const response = await stack.query(CompanyProfileDocument, { uscc, year: YEAR }, asCompany());
  return { response, elapsedMs: performance.now() - started };
}

/** The citizen dashboard as the citizen: the person (social), income tax, the companies they represent (market). */
async function citizenDashboard() {
  const started = performance.now();
  const response = await stack.query(CitizenDashboardDocument, { year: YEAR }, asCitizen());
  return { response, elapsedMs: performance.now() - started };
}

type Profile = NonNullable<CompanyProfileQuery['company']>;
type Dashboard = NonNullable<CitizenDashboardQuery['me']>;

/** Lists the graph does not order, sorted, so answers compare field by field. */
function comparableProfile(profile: Profile) {
  return {
    ...profile,
    tax: profile.tax && {
      ...profile.tax,
      filings: sortedBy(profile.tax.filings ?? [], (filing) => `${filing.period}/${filing.taxKind}`),
    },
  };
}

function comparableDashboard(dashboard: Dashboard) {
  return {
    ...dashboard,
    legalRepresentativeOf:
      dashboard.legalRepresentativeOf && sortedBy(dashboard.legalRepresentativeOf, (company) => company.uscc),
  };
}

/** Both portal operations answer in full, without an error: every department is back. */
async function expectHealthy(): Promise<void> {
  const profile = await companyProfile();
  expect(profile.response.errors).toBeUndefined();
  expect(comparableProfile(profile.response.data!.company!)).toEqual(
    comparableProfile(expectedCompanyProfile(stack.dataSet, uscc, YEAR)),
  );
  const dashboard = await citizenDashboard();
  expect(dashboard.response.errors).toBeUndefined();
  expect(comparableDashboard(dashboard.response.data!.me!)).toEqual(
    comparableDashboard(expectedCitizenDashboard(stack.dataSet, citizen, YEAR)),
  );
}

/** Every error is DEPARTMENT_UNAVAILABLE naming this department and reason (the gateway adds its serviceName). */
function expectOnlyUnavailable(
  response: GraphResponse<unknown>,
  department: DepartmentName,
  reason: UnavailableReason,
): void {
  expect(response.status).toBe(200);
  expect(response.errors?.length).toBeGreaterThan(0);
  for (const error of response.errors!)
    expect(error.extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department, reason, serviceName: department });
}

/**
 * Sends a query touching all three departments while `department` misbehaves, and checks that
 * only that department's fields are missing. The market owns the company itself, so its faults
 * are seen through the citizen dashboard, whose root (the person) belongs to social.
 */
async function expectOnlyDepartmentMissing(department: DepartmentName, reason: UnavailableReason): Promise<void> {
  if (department === 'market') {
    const { response, elapsedMs } = await citizenDashboard();
    expectOnlyUnavailable(response, 'market', reason);
    const expected = expectedCitizenDashboard(stack.dataSet, citizen, YEAR);
    // The employer's name comes from the registry and cannot be null, so the employer is.
    expect(response.data!.me).toEqual({
      ...expected,
      legalRepresentativeOf: null,
      socialSecurity: { ...expected.socialSecurity!, employer: null },
    });
    expect(elapsedMs).toBeLessThan(LATENCY_BOUND_MS);
    return;
  }
  const { response, elapsedMs } = await companyProfile();
  expectOnlyUnavailable(response, department, reason);
  const expected = expectedCompanyProfile(stack.dataSet, uscc, YEAR);
  const missing = department === 'tax' ? { tax: null } : { socialInsurance: null };
  expect(comparableProfile(response.data!.company!)).toEqual(comparableProfile({ ...expected, ...missing }));
  expect(elapsedMs).toBeLessThan(LATENCY_BOUND_MS);
}

const FAULT_MODES: ReadonlyArray<{ name: string; faults: Partial<Faults>; reason: UnavailableReason }> = [
  { name: 'drops every connection', faults: { down: true }, reason: 'unreachable' },
  { name: 'answers slower than the timeout', faults: { latencyMs: 10 * TIMEOUT_MS }, reason: 'timeout' },
  { name: 'fails every call', faults: { errorRate: 1 }, reason: 'fault' },
  { name: 'hangs every call', faults: { hangRate: 1 }, reason: 'timeout' },
  { name: 'answers nonsense', faults: { malformedRate: 1 }, reason: 'malformed' },
];

describe.each(['market', 'tax', 'social'] as const)('when the %s system misbehaves', (department) => {
  it.each(FAULT_MODES)('loses only its fields when it $name, and recovers', async ({ faults, reason }) => {
    await stack.setFaults(department, faults);
    await expectOnlyDepartmentMissing(department, reason);
    await stack.resetLegacy();
    // The gateway and the subgraphs keep answering; the success also restarts the breaker's count.
    await expectHealthy();
  });
});

describe('retries', () => {
  it('returns full data when every system answers slowly but within the timeout, without retrying', async () => {
    await stack.resetLegacy();
    await expectHealthy();
    const calls = await stack.legacyStats();
    await stack.resetLegacy();
    for (const department of ['market', 'tax', 'social'] as const)
      await stack.setFaults(department, { latencyMs: TIMEOUT_MS / 3, jitterMs: TIMEOUT_MS / 6 });
    await expectHealthy();
    const slowCalls = await stack.legacyStats();
    for (const department of ['market', 'tax', 'social'] as const)
      expect(slowCalls[department].total).toBe(calls[department].total);
  });

  it('mostly succeeds when half the calls fail, thanks to retries', async () => {
    // One social call per profile: with two retries it fails 1 time in 8 (without, 1 in 2).
    await stack.setFaults('social', { errorRate: 0.5 });
    const requests = 30;
    let complete = 0;
    for (let request = 0; request < requests; request++) {
      const { response } = await companyProfile();
      expect(response.status).toBe(200);
      expect(response.data!.company!.tax).not.toBeNull();
      if (response.errors === undefined && response.data!.company!.socialInsurance !== null) complete++;
      else expectOnlyUnavailable(response, 'social', 'fault');
    }
    expect(complete).toBeGreaterThanOrEqual(20);
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, fails fast without calling the system, and closes when it recovers', async () => {
    await expectHealthy();
    await stack.setFaults('tax', { down: true });
    // One tax call per profile while the taxpayer lookup fails: each failed request is one failure.
    for (let request = 0; request < LEGACY_GUARD_DEFAULTS.breakerThreshold; request++) {
      const { response } = await companyProfile();
      expectOnlyUnavailable(response, 'tax', 'unreachable');
    }

    // The system is back, but the circuit stays open for breakerResetMs: no call reaches it.
    await stack.resetLegacy();
    const open = await companyProfile();
    expectOnlyUnavailable(open.response, 'tax', 'circuit-open');
    expect(open.response.data!.company!.name).toBe(stack.dataSet.companyByUscc.get(uscc)!.name);
    expect(open.response.data!.company!.socialInsurance).not.toBeNull();
    expect(open.elapsedMs).toBeLessThan(BUDGET_MS);
    expect((await stack.legacyStats()).tax.total).toBe(0);

    // Past breakerResetMs one test call goes through, succeeds, and closes the circuit.
    await sleep(BREAKER_RESET_MS + 100);
    await expectHealthy();
    expect((await stack.legacyStats()).tax.total).toBeGreaterThan(0);
    await expectHealthy();
  });

  it('keeps the other departments answering while one circuit is open', async () => {
    await stack.setFaults('social', { errorRate: 1 });
    for (let request = 0; request < LEGACY_GUARD_DEFAULTS.breakerThreshold; request++) await companyProfile();
    const { response } = await companyProfile();
    expectOnlyUnavailable(response, 'social', 'circuit-open');
    expect(response.data!.company!.tax).not.toBeNull();
    await stack.resetLegacy();
    await sleep(BREAKER_RESET_MS + 100);
    await expectHealthy();
  });
});
