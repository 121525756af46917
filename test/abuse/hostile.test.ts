import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../subgraphs/kit/index.js';
import { startStack, type Stack } from '../harness.js';
import { hostileOperations, hostileRequests } from './hostileOperations.js';
import { sendFrom } from './sendFrom.js';

/**
 * The seeded hostile generator against the whole stack: every operation is refused, or answered
 * within the limits (at most 100 errors and one counting the rest, at most 2 MiB), and none is a
 * 500. The rate limits are set out of the way here (callerLimits.test.ts tests them), so every
 * case reaches the rules it is meant to try.
 */
const SEED = 20_261_130;
const CASES = 150;
/** What a refusal may say; anything else in a 400 is a new way to fail that this suite should learn. */
const REFUSALS = new Set([
  'TOO_MANY_SELECTIONS',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_LARGE',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_NOT_PLANNABLE',
  'RESPONSE_TOO_LARGE',
]);
const LEAK = /stacktrace|\bat .*\.(?:js|ts|mjs|cjs):\d+|127\.0\.0\.1|localhost/;
/** Hostile requests per route of the gateway beside /graphql. */
const REQUESTS_PER_ROUTE = 6;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ callerLimits: { costPerWindow: 1_000_000_000, windowSeconds: 60, maxInFlight: 1_000 } });
});
afterAll(async () => {
  await stack?.close();
});

describe('hostile operations from a seed', () => {
  it(`refuses or answers within the limits each of ${CASES} fragment graphs, alias and list amplifications, deep and wide operations`, async () => {
    const { fixtures } = stack.dataSet;
    const targets = {
      company: fixtures.companyWithShareholders[1000],
      otherCompany: fixtures.companyWithManyShareholders,
    };
    const token = await stack.tokenFor({ kind: 'company', sub: targets.company });
    const outcomes = new Map<string, number>();
    for (const operation of hostileOperations(SEED, CASES, targets)) {
      const response = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(operation.asCompany ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
      });
      const text = await response.text();
      const context = `${operation.name}: ${operation.query.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`;
      const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      expect([200, 400], context).toContain(response.status);
      expect(
        codes.every((code) => typeof code === 'string' && code in ERROR_CODES),
        context,
      ).toBe(true);
      expect(text, context).not.toMatch(LEAK);
      if (response.status === 400)
        expect(
          codes.every((code) => REFUSALS.has(code!)),
          context,
        ).toBe(true);
      else {
        expect(codes.length, context).toBeLessThanOrEqual(101);
        expect(Buffer.byteLength(text), context).toBeLessThanOrEqual(2 * 1_048_576);
      }
      const outcome = response.status === 200 ? 'answered' : codes[0]!;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // The generator reaches each rule it is meant to try, and some operations are answered.
    expect([...outcomes.keys()]).toEqual(
      expect.arrayContaining(['answered', 'TOO_MANY_SELECTIONS', 'QUERY_TOO_COSTLY', 'QUERY_TOO_DEEP']),
    );
    const portal = await stack.query('{ searchCompanies(name: "科技", first: 2) { uscc } }');
    expect(portal.status).toBe(200);
  }, 120_000);

  it(`answers ${REQUESTS_PER_ROUTE} hostile requests to each route beside /graphql with no 500 and nothing leaked`, async () => {
    const routes = stack.gatewayRoutes;
    expect(routes).toEqual(expect.arrayContaining(['GET /health', 'GET /ready', 'POST /certificates/print']));
    const statuses = new Map<number, number>();
    for (const request of hostileRequests(SEED, routes.length * REQUESTS_PER_ROUTE, routes)) {
      const answer = await sendFrom(stack.gatewayUrl, request.path, request);
      const type = String(answer.headers['content-type'] ?? '');
      const context = `${request.name}: ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 300)}`;
      expect(answer.status, context).not.toBe(500);
      // A refusal of the server's own: busy (the workbench's queue) or, for /ready, not ready; always with a code.
      if (answer.status >= 500) {
        expect(answer.status, context).toBe(503);
        expect(answer.text, context).toMatch(/"code":"[A-Z_]+"/);
      }
      // The explorer's bundled scripts and styles are third-party code, with file names and examples of their own.
      if (!/javascript|css/.test(type)) expect(answer.text, context).not.toMatch(LEAK);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    // The generator reaches routes that answer, and ones that refuse.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404]));
    expect((await fetch(`${stack.gatewayUrl}/health`)).status).toBe(200);
    expect((await stack.query('{ searchCompanies(name: "科技", first: 2) { uscc } }')).status).toBe(200);
  }, 120_000);
});
