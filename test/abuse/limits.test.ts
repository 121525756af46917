import { readFileSync } from 'node:fs';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CitizenDashboardDocument,
  CompanyProfileDocument,
  SearchCompaniesDocument,
} from '../../examples/generated/operations.js';
import { readGatewayConfig } from '../../gateway/gatewayConfig.js';
import { startGateway } from '../../gateway/server.js';
import type { RunningServer } from '../../subgraphs/kit/index.js';
import { startStack, type Stack } from '../harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** A stack trace line, Apollo's stacktrace extension, or a loopback address of a service. */
const LEAK = /stacktrace|\bat .*\.(?:js|ts|mjs|cjs):\d+|127\.0\.0\.1|localhost/;
const JSON_POST = { 'content-type': 'application/json' };
const COMPANY_QUERY = '{ searchCompanies(name: "科技", first: 3) { uscc name } }';

interface Answer {
  status: number;
  text: string;
  errors: Array<{ message: string; extensions?: { code?: string } }>;
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let errors: Answer['errors'] = [];
  try {
    errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? [];
  } catch {
    // Not JSON (the explorer page); the caller checks the status.
  }
  return { status: response.status, text, errors };
}

const post = (query: string, base = stack.gatewayUrl) =>
  send(`${base}/graphql`, { method: 'POST', headers: JSON_POST, body: JSON.stringify({ query }) });

/** Refused with `code` and 400, no leak, and not one legacy call made. */
async function expectRefused(request: () => Promise<Answer>, code: string, status = 400): Promise<Answer> {
  await stack.resetLegacy();
  const answer = await request();
  expect(answer.status, answer.text).toBe(status);
  expect(answer.errors.map((error) => error.extensions?.code)).toContain(code);
  expect(answer.text).not.toMatch(LEAK);
  const stats = await stack.legacyStats();
  expect(stats.market.total + stats.tax.total + stats.social.total, 'legacy calls').toBe(0);
  return answer;
}

/** `company { shareholders { holdings { holder { legalRepresentativeOf { shareholders … } } } } }`, `depth` fields deep. */
function nested(depth: number): string {
  const cycle = [
    ['shareholders', 'totalCount'],
    ['holdings', 'holderName'],
    ['holder', 'id'],
    ['legalRepresentativeOf', 'name'],
  ] as const;
  const path: Array<readonly [string, string]> = [
    [`company(uscc: "${stack.dataSet.fixtures.companyInArrears}")`, 'name'],
  ];
  for (let i = 0; path.length < depth - 1; i++) path.push(cycle[i % cycle.length]!);
  return `{ ${path.map(([field]) => `${field} {`).join(' ')} ${path.at(-1)![1]} ${'}'.repeat(path.length)} }`;
}

describe("the portal's operations", () => {
  it('are answered in full with every limit in force', async () => {
    const citizen = stack.dataSet.fixtures.multiRepresentative;
    const company = stack.dataSet.fixtures.companyInArrears;
    const answers = [
      await stack.query(CitizenDashboardDocument, { year: 2025 }, { as: { kind: 'person', sub: citizen } }),
      await stack.query(
        CompanyProfileDocument,
        { uscc: company, year: 2025 },
        { as: { kind: 'company', sub: company } },
      ),
      await stack.query(SearchCompaniesDocument, { name: '科技', first: 100 }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    }
  });
});

describe('query limits, each just over', () => {
  it('refuses a query 13 fields deep with QUERY_TOO_DEEP', async () => {
    const answer = await expectRefused(() => post(nested(13)), 'QUERY_TOO_DEEP');
    expect(answer.errors[0]!.message).toMatch(/limit of 12 exceeded, found 13/);
  });

  it('refuses 31 aliases with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from(
      { length: 31 },
      (_, i) => `a${i}: searchCompanies(name: "科技", first: 1) { uscc }`,
    ).join(' ');
    await expectRefused(() => post(`{ ${aliases} }`), 'TOO_MANY_ALIASES');
  });

  it('refuses 21 directives with TOO_MANY_DIRECTIVES', async () => {
    const fields = Array.from({ length: 21 }, (_, i) => `f${i}: uscc @include(if: true)`).join(' ');
    await expectRefused(() => post(`{ searchCompanies(name: "科技", first: 1) { ${fields} } }`), 'TOO_MANY_DIRECTIVES');
  });

  it('refuses 2,001 tokens with QUERY_TOO_LARGE, parsing no further', async () => {
    await expectRefused(() => post(`{ ${'__typename '.repeat(1_999)}}`), 'QUERY_TOO_LARGE');
    // Far over the token limit but under the body limit: refused as cheaply.
    await expectRefused(() => post(`{ ${'__typename '.repeat(90_000)}}`), 'QUERY_TOO_LARGE');
  });

  it('refuses a query costing 5,100 with QUERY_TOO_COSTLY', async () => {
    // 100 companies × (1 + a page of 20 shareholders (1 + 20 × 2) + 9 fields) = 5,100.
    const query = `{ searchCompanies(name: "科技", first: 100) { shareholders { holdings { holderName } } uscc name legalForm status establishedOn registeredCapital address businessScope legalRepresentativeName } }`;
    const answer = await expectRefused(() => post(query), 'QUERY_TOO_COSTLY');
    expect(answer.errors[0]!.message).toMatch(/limit of 5000 exceeded, found 5100/);
  });

  it('refuses a fan-out over the departments long before its depth is reached', async () => {
    await expectRefused(() => post(nested(8)), 'QUERY_TOO_COSTLY');
  });
});

describe('batches', () => {
  it.each([
    ['two operations', [{ query: COMPANY_QUERY }, { query: COMPANY_QUERY }]],
    ['one operation in an array', [{ query: COMPANY_QUERY }]],
    ['an empty array', []],
  ])('refuses %s with TOO_MANY_OPERATIONS', async (_name, batch) => {
    const answer = await expectRefused(
      () => send(`${stack.gatewayUrl}/graphql`, { method: 'POST', headers: JSON_POST, body: JSON.stringify(batch) }),
      'TOO_MANY_OPERATIONS',
    );
    expect(answer.errors[0]!.message).toMatch(/one operation per request/);
  });
});

describe('operations the gateway cannot plan', () => {
  const postBody = (body: unknown) =>
    send(`${stack.gatewayUrl}/graphql`, { method: 'POST', headers: JSON_POST, body: JSON.stringify(body) });

  it('refuses several operations without operationName, or with a name none has, with OPERATION_RESOLUTION_FAILURE', async () => {
    const two = `query A ${COMPANY_QUERY} query B ${COMPANY_QUERY}`;
    await expectRefused(() => postBody({ query: two }), 'OPERATION_RESOLUTION_FAILURE');
    await expectRefused(() => postBody({ query: two, operationName: 'C' }), 'OPERATION_RESOLUTION_FAILURE');
    expect((await postBody({ query: two, operationName: 'B' })).status).toBe(200);
  });

  it('refuses a subscription, which this graph has none of, and a mutation it does not have, with GRAPHQL_VALIDATION_FAILED', async () => {
    await expectRefused(() => post('subscription { __typename }'), 'GRAPHQL_VALIDATION_FAILED');
    await expectRefused(() => post('mutation { deleteCompany(uscc: "x") }'), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a malformed persisted-query extension with BAD_REQUEST', async () => {
    await expectRefused(
      () => postBody({ query: COMPANY_QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }),
      'BAD_REQUEST',
    );
  });
});

describe('CSRF prevention', () => {
  const body = JSON.stringify({ query: COMPANY_QUERY });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a simple form post as %s',
    async (contentType) => {
      const answer = await expectRefused(
        () => send(`${stack.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body }),
        'BAD_REQUEST',
      );
      expect(answer.errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
    },
  );

  it('refuses a GET without a preflight header, and answers one with it', async () => {
    const url = `${stack.gatewayUrl}/graphql?query=${encodeURIComponent(COMPANY_QUERY)}`;
    await expectRefused(() => send(url, { method: 'GET' }), 'BAD_REQUEST');
    const preflighted = await send(url, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.errors).toEqual([]);
  });

  it("answers the portal's JSON post", async () => {
    const answer = await post(COMPANY_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.errors).toEqual([]);
  });
});

describe('suggestions while introspection is on', () => {
  it('suggests the field meant, since the schema is public anyway', async () => {
    const answer = await expectRefused(
      () => post('{ searchCompanies(name: "科技") { nam } }'),
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(answer.errors[0]!.message).toContain('Did you mean "name"');
  });
});

describe('GRAPHQL_INTROSPECTION=off', () => {
  let closed: RunningServer;

  beforeAll(async () => {
    // The settings as an operator gives them, read as gateway/main.ts reads them at start.
    const { limits } = readGatewayConfig({ GRAPHQL_INTROSPECTION: 'off', GRAPHQL_MAX_DEPTH: '4' });
    closed = await startGateway({
      identity: { keys: createLocalJWKSet({ keys: [] }), issuer: 'nobody', audience: 'city-graph' },
      signingKey: { key: stack.gatewayKeys.privateKey },
      supergraphSdl: readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
      subgraphUrls: Object.fromEntries(
        Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]),
      ),
      limits,
    });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it('refuses __schema and __type', async () => {
    await expectRefused(() => post('{ __schema { types { name } } }', closed.url), 'GRAPHQL_VALIDATION_FAILED');
    await expectRefused(
      () => post('{ __type(name: "Person") { fields { name } } }', closed.url),
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('answers the explorer, its assets and /schema.graphql with 404', async () => {
    for (const path of ['/', '/schema.graphql', '/explorer/graphiql.js']) {
      const answer = await send(`${closed.url}${path}`, { method: 'GET' });
      expect(answer.status, path).toBe(404);
      expect(answer.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('suggests no field names', async () => {
    const answer = await expectRefused(
      () => post('{ searchCompanies(name: "科技") { nam } }', closed.url),
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(answer.errors[0]!.message).toBe('Cannot query field "nam" on type "Company".');
  });

  it('applies a limit set in the environment, and still answers within it', async () => {
    await expectRefused(() => post(nested(5), closed.url), 'QUERY_TOO_DEEP');
    const answer = await post(COMPANY_QUERY, closed.url);
    expect(answer.status).toBe(200);
    expect(answer.errors).toEqual([]);
  });
});
