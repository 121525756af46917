import { readFileSync } from 'node:fs';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALLER_LIMITS } from '../../gateway/limitCallers.js';
import { DEFAULT_QUERY_LIMITS } from '../../gateway/limits.js';
import { startGateway } from '../../gateway/server.js';
import type { RunningServer } from '../../subgraphs/kit/index.js';
import { readLegacyGuardOptions } from '../../subgraphs/kit/resilience/index.js';
import { startStack, type GraphResponse, type Stack } from '../harness.js';
import { fragmentFamily } from './hostileOperations.js';

/**
 * Issue 11, finding by finding, as a hostile caller sent them to `main` (token findings:
 * tokens.test.ts; per-caller limits: callerLimits.test.ts). Each was answered badly then: a
 * stalled event loop and a 500, an 11.5 MB answer, a department blamed for the caller's mistake.
 */
let stack: Stack;

beforeAll(async () => {
  // The production limits, as the hostile caller met them.
  stack = await startStack({ callerLimits: DEFAULT_CALLER_LIMITS });
});
afterAll(async () => {
  await stack?.close();
});

const legacyCalls = async () => {
  const stats = await stack.legacyStats();
  return stats.market.total + stats.tax.total + stats.social.total;
};

function codesOf(response: GraphResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

describe('planner blow-up', () => {
  it.each([31, 32, 60])(
    'refuses %i fragments that each spread the next two with TOO_MANY_SELECTIONS, before planning',
    async (count) => {
      await stack.resetLegacy();
      const response = await stack.query(fragmentFamily(count, 'F'));
      expect(response.status).toBe(400);
      expect(codesOf(response)).toEqual(['TOO_MANY_SELECTIONS']);
      expect(await legacyCalls()).toBe(0);
    },
  );

  it('refuses two families with different names sent at once, and answers the portal meanwhile', async () => {
    const [a, b, portal] = await Promise.all([
      stack.query(fragmentFamily(31, 'A')),
      stack.query(fragmentFamily(31, 'B')),
      stack.query('{ searchCompanies(name: "科技", first: 2) { uscc } }'),
    ]);
    expect([a.status, b.status, portal.status]).toEqual([400, 400, 200]);
    expect(portal.errors).toBeUndefined();
  });
});

describe('a planning failure', () => {
  let unlimited: RunningServer;

  beforeAll(async () => {
    // The selection limit lifted, so the planner meets the 33 fragments itself (it throws past its own bound).
    unlimited = await startGateway({
      identity: { keys: createLocalJWKSet({ keys: [] }), issuer: 'nobody', audience: 'city-graph' },
      signingKey: { key: stack.gatewayKeys.privateKey },
      supergraphSdl: readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
      subgraphUrls: Object.fromEntries(
        Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]),
      ),
      limits: { ...DEFAULT_QUERY_LIMITS, maxSelections: 1_000_000_000 },
    });
  });
  afterAll(async () => {
    await unlimited?.close();
  });

  it('is a 400 QUERY_NOT_PLANNABLE, not a 500', async () => {
    const body = JSON.stringify({ query: fragmentFamily(33) });
    const response = await fetch(`${unlimited.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBe(400);
    expect(answer.errors.map((error) => error.extensions.code)).toEqual(['QUERY_NOT_PLANNABLE']);
  });
});

describe('unbounded lists', () => {
  const thousand = () => stack.dataSet.fixtures.companyWithShareholders[1000];
  const aliases = (selection: string) =>
    `{ ${Array.from({ length: 30 }, (_, i) => `c${i}: company(uscc: "${thousand()}") { ${selection} }`).join(' ')} }`;

  it("refuses a company's 30 aliases of its whole register with holders' contacts as too costly, asking no department", async () => {
    await stack.resetLegacy();
    const asCompany = { as: { kind: 'company' as const, sub: thousand() } };
    const response = await stack.query(
      aliases('shareholders(first: 100) { holdings { holder { name phone } } }'),
      undefined,
      asCompany,
    );
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['QUERY_TOO_COSTLY']);
    expect(await legacyCalls()).toBe(0);
  });

  it('answers them a page at a time, with at most 100 errors and one counting the rest, and a bounded number of look-ups', async () => {
    await stack.resetLegacy();
    const asCompany = { as: { kind: 'company' as const, sub: thousand() } };
    const response = await stack.query(
      aliases('shareholders { totalCount holdings { holder { name phone } } }'),
      undefined,
      asCompany,
    );
    expect(response.status).toBe(200);
    const data = response.data as Record<string, { shareholders: { totalCount: number; holdings: unknown[] } }>;
    expect(data.c0!.shareholders).toMatchObject({ totalCount: 1000, holdings: expect.any(Array) });
    expect(data.c0!.shareholders.holdings).toHaveLength(20);
    const errors = response.errors ?? [];
    expect(errors.length).toBeLessThanOrEqual(101);
    if (errors.length === 101) expect(errors[100]!.extensions?.code).toBe('TOO_MANY_ERRORS');
    // One page of 20 holders, 30 times: at most 600 people asked of the social system (30,000 before).
    const social = await stack.legacyStats();
    const people = Object.values(social.social.operations).reduce((sum, entry) => sum + entry.items, 0);
    expect(people).toBeLessThanOrEqual(600);
  });
});

describe('a hanging department', () => {
  it('costs a portal page at most about 5 s by default: 2 s attempts, a 5 s budget', () => {
    for (const department of ['market', 'tax', 'social'] as const) {
      const options = readLegacyGuardOptions(department, { environment: {} });
      expect(options.budgetMs).toBeLessThanOrEqual(5_000);
      expect(options.timeoutMs * 2).toBeLessThanOrEqual(options.budgetMs);
    }
  });
});

describe('bad arguments', () => {
  const privacyOfficer = {
    as: { kind: 'officer' as const, sub: 'staff-9', roles: ['privacy-officer'] },
    purpose: 'privacy-review',
  };

  it('answers accessLog(from: "x") with BAD_USER_INPUT naming the argument, not DEPARTMENT_UNAVAILABLE', async () => {
    const subject = stack.dataSet.fixtures.multiRepresentative;
    const literal = await stack.query(
      `{ accessLog(subject: "${subject}", from: "x") { hasNextPage } }`,
      undefined,
      privacyOfficer,
    );
    expect(literal.status).toBe(400);
    expect(literal.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([
      ['BAD_USER_INPUT', 'from'],
    ]);
    const byVariable = `query($from: DateTime) { accessLog(subject: "${subject}", from: $from) { hasNextPage } }`;
    const variable = await stack.query(byVariable, { from: 'x' }, privacyOfficer);
    expect(variable.status).toBe(400);
    expect(codesOf(variable)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers contributions from year 0000 with BAD_USER_INPUT, never calling the bureau or moving its circuit', async () => {
    const person = stack.dataSet.fixtures.multiRepresentative;
    await stack.resetLegacy();
    // Costed at the 600 months it may return (@listSize): six of them fit a citizen's budget with only __typename.
    const query = '{ me { socialSecurity { contributions(from: "0000-01", to: "0049-12") { __typename } } } }';
    // More than the 5 consecutive failures that would open a circuit.
    for (let i = 0; i < 6; i++) {
      const response = await stack.query(query, undefined, { as: { kind: 'person', sub: person } });
      expect(response.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([
        ['BAD_USER_INPUT', 'from'],
      ]);
    }
    const stats = await stack.legacyStats();
    expect(stats.social.operations.CxGrjfmx?.calls ?? 0).toBe(0);
    const ready = (await (await fetch(`${stack.subgraphs.social.url}/ready`)).json()) as {
      checks: { legacy?: { circuit?: string } };
    };
    expect(JSON.stringify(ready)).not.toContain('"open"');
  });
});
