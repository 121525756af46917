import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_TOKEN_HEADER, signCallerToken } from '../subgraphs/kit/index.js';
import { startStack, TEST_AUDIENCE, TEST_ISSUER, type Stack } from './harness.js';

let stack: Stack;
const PUBLIC_QUERY = '{ searchCompanies(name: "科技", first: 1) { uscc } }';

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectRefused(authorization: string, reason: RegExp) {
  await stack.resetLegacy();
  const response = await stack.query(PUBLIC_QUERY, undefined, { authorization });
  expect(response.status).toBe(401);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.errors?.[0]?.message).toMatch(reason);
  expect(response.data).toBeUndefined();
  const stats = await stack.legacyStats();
  expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
}

describe('callers at the gateway', () => {
  it('serves an anonymous caller (no Authorization header) public data', async () => {
    const response = await stack.query(PUBLIC_QUERY);
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ searchCompanies: [{ uscc: expect.any(String) }] });
  });

  it('accepts a valid token', async () => {
    const response = await stack.query(PUBLIC_QUERY, undefined, {
      as: { kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative },
    });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('refuses an expired token', async () => {
    const token = await stack.tokenFor(
      { kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative },
      { ttlSeconds: -60 },
    );
    await expectRefused(`Bearer ${token}`, /expired/);
  });

  it('refuses a token signed with another key', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT({ kind: 'person' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(stack.dataSet.fixtures.multiRepresentative)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    await expectRefused(`Bearer ${token}`, /signature/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ kind: 'officer', sub: 'admin', roles: ['privacy-officer'], iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: now + 300 })}.`;
    await expectRefused(`Bearer ${token}`, /algorithm/);
  });

  it('refuses a token from another issuer or for another audience', async () => {
    const sub = stack.dataSet.fixtures.multiRepresentative;
    await expectRefused(
      `Bearer ${await stack.tokenFor({ kind: 'person', sub }, { issuer: 'https://elsewhere.example' })}`,
      /issuer/,
    );
    await expectRefused(
      `Bearer ${await stack.tokenFor({ kind: 'person', sub }, { audience: 'another-graph' })}`,
      /audience/,
    );
  });

  it('refuses a token that never expires', async () => {
    const token = await new SignJWT({ kind: 'person' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(stack.dataSet.fixtures.multiRepresentative)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .sign(stack.issuerKey);
    await expectRefused(`Bearer ${token}`, /"exp" claim/);
  });

  it('accepts the same token again (verified once, then remembered until it expires)', async () => {
    const authorization = `Bearer ${await stack.tokenFor({ kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative })}`;
    for (let i = 0; i < 3; i++)
      expect((await stack.query(PUBLIC_QUERY, undefined, { authorization })).status).toBe(200);
  });

  it('refuses a malformed token and a header that is not Bearer', async () => {
    await expectRefused('Bearer not.a.token', /malformed/);
    await expectRefused('Basic dXNlcjpwYXNz', /Bearer/);
  });

  it('refuses claims the graph cannot use', async () => {
    await expectRefused(`Bearer ${await stack.tokenFor({ kind: 'admin' as 'officer', sub: 'x' })}`, /kind/);
    await expectRefused(`Bearer ${await stack.tokenFor({ kind: 'person', sub: '110105194912310021' })}`, /resident ID/);
    await expectRefused(`Bearer ${await stack.tokenFor({ kind: 'company', sub: 'not-a-uscc' })}`, /USCC/);
  });

  it('refuses a malformed X-Purpose header with 400', async () => {
    const response = await stack.query(PUBLIC_QUERY, undefined, { purpose: 'Tax Audit; DROP' });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('a subgraph called directly', () => {
  const query = JSON.stringify({ query: `{ company(uscc: "${'91330105KCNBGT44PG'}") { name } }` });

  async function callMarket(headers: Record<string, string>) {
    await stack.resetLegacy();
    const response = await fetch(`${stack.subgraphs.market.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: query,
    });
    const stats = await stack.legacyStats();
    return {
      status: response.status,
      body: (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }>; data?: unknown },
      legacyCalls: stats.market.total,
    };
  }

  it('refuses a request without the gateway token, before any legacy call', async () => {
    const answer = await callMarket({});
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.legacyCalls).toBe(0);
  });

  it('refuses a portal token presented directly, and a token signed by anyone but the gateway', async () => {
    const portalToken = await stack.tokenFor({ kind: 'officer', sub: 'staff-1', roles: ['market-officer'] });
    expect((await callMarket({ authorization: `Bearer ${portalToken}` })).status).toBe(401);
    const impostor = await generateKeyPair('ES256');
    const forged = await signCallerToken(
      { kind: 'officer', sub: 'staff-1', roles: ['market-officer'], azp: null, purpose: 'market-supervision' },
      { key: impostor.privateKey, department: 'market' },
    );
    const answer = await callMarket({ [CALLER_TOKEN_HEADER]: forged });
    expect(answer.status).toBe(401);
    expect(answer.legacyCalls).toBe(0);
  });

  it("refuses the gateway's token for another department", async () => {
    const forTax = await signCallerToken(
      { kind: 'anonymous', purpose: null },
      { key: stack.gatewayKeys.privateKey, department: 'tax' },
    );
    expect((await callMarket({ [CALLER_TOKEN_HEADER]: forTax })).status).toBe(401);
  });

  it("answers the gateway's own token", async () => {
    const token = await signCallerToken(
      { kind: 'anonymous', purpose: null },
      { key: stack.gatewayKeys.privateKey, department: 'market' },
    );
    const answer = await callMarket({ [CALLER_TOKEN_HEADER]: token });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ company: { name: expect.any(String) } });
  });
});
