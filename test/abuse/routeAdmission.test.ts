import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, serveGraphQL, type RunningServer } from '../../core/index.js';
import { admitRequests } from '../../gateway/admitRequests.js';
import { createCallerVerifier } from '../../gateway/auth.js';
import { findClientAddress } from '../../gateway/findClientAddress.js';
import { createCallerLimiter, type CallerLimits } from '../../gateway/limitCallers.js';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../../gateway/server.js';
import { SUBGRAPHS } from '../../gateway/subgraphList.js';
import { codeOf, sendFrom, type Answer } from './sendFrom.js';

/**
 * Issue 20, findings 6 and 9: every route of the gateway, not only /graphql, passes one
 * admission layer (per-caller limits with a cost per route); /ready and /metrics do their work
 * at most once a second; anonymous callers are counted per IPv4 address or IPv6 /64, behind
 * trusted proxies by the address they forwarded. Callers are told apart by the loopback address
 * they send from (127.0.1.1, 127.0.2.1, ...: all of 127/8 is this machine).
 */
const ISSUER = 'route-admission-test-issuer';
const AUDIENCE = 'city-graph';

let issuer: { privateKey: CryptoKey; publicKey: CryptoKey };
let gatewayKey: CryptoKey;
/** Stands in for every subgraph: answers /ready after READY_DELAY_MS, and counts the checks. */
let spy: Server;
let spyUrl: string;
let readyChecks = 0;
const READY_DELAY_MS = 200;
const started: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  issuer = await generateKeyPair('ES256', { extractable: true });
  gatewayKey = (await generateKeyPair('ES256')).privateKey;
  spy = createServer((req, res) => {
    if (req.url !== '/ready') return sendJson(res, 404, {});
    readyChecks++;
    setTimeout(() => sendJson(res, 200, { status: 'ready', checks: {} }), READY_DELAY_MS);
  });
  await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
  spyUrl = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(started.map((server) => server.close()));
  await new Promise((resolve) => spy?.close(resolve));
});

async function startTestGateway(options: Partial<StartGatewayOptions> & { callerLimits: CallerLimits }) {
  const { d: _private, ...publicJwk } = await exportJWK(issuer.publicKey);
  const gateway = await startGateway({
    identity: { keys: createLocalJWKSet({ keys: [publicJwk] }), issuer: ISSUER, audience: AUDIENCE },
    signingKey: { key: gatewayKey },
    supergraphSdl: readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, `${spyUrl}/graphql`])),
    ...options,
  });
  started.push(gateway);
  return gateway;
}

const officerToken = (sub: string) =>
  new SignJWT({ kind: 'officer', roles: [] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(issuer.privateKey);

/** One request to a route by its key ("POST /certificates/print"), with a small body where it takes one. */
function callRoute(gateway: RunningGateway, key: string, from: string, headers: Record<string, string> = {}) {
  const [method, path] = key.split(' ') as [string, string];
  return sendFrom(gateway.url, path, {
    from,
    method,
    ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json', ...headers } } : { headers }),
  });
}

function expectRefused(answer: Answer, context: string) {
  expect(answer.status, context).toBe(429);
  expect(codeOf(answer), context).toBe('RATE_LIMITED');
  expect(Number(answer.headers['retry-after']), context).toBeGreaterThan(0);
}

describe('every route passes the caller limits', () => {
  const BUDGET = 100;

  it('refuses each route to one address once over its budget, and still serves another address and a signed-in caller', async () => {
    const gateway = await startTestGateway({
      callerLimits: { costPerWindow: BUDGET, windowSeconds: 60, maxInFlight: 5 },
    });
    const keys = [...gateway.routes, 'GET /nothing-here'];
    expect(keys).toEqual(expect.arrayContaining(['GET /ready', 'GET /metrics', 'POST /certificates/print']));
    // The privacy officers' workbench is an app of its own (workbench/server.ts, its own limits); the gateway serves none of it.
    expect(keys.filter((key) => key.includes('/privacy'))).toEqual([]);
    const outcomes = await Promise.all(
      keys.map(async (key, index) => {
        const greedy = `127.0.1.${index + 1}`;
        let answered = 0;
        let refusal: Answer | undefined;
        while (!refusal && answered <= BUDGET) {
          const answer = await callRoute(gateway, key, greedy);
          if (answer.status === 429) refusal = answer;
          else answered++;
        }
        return {
          key,
          answered,
          refusal,
          neighbour: await callRoute(gateway, key, `127.0.2.${index + 1}`),
          signedIn: await callRoute(gateway, key, greedy, {
            authorization: `Bearer ${await officerToken(`staff-${index}`)}`,
          }),
        };
      }),
    );
    for (const { key, answered, refusal, neighbour, signedIn } of outcomes) {
      expect(refusal, `${key}: never refused`).toBeDefined();
      expectRefused(refusal!, key);
      expect(answered, key).toBeGreaterThanOrEqual(1);
      expect(neighbour.status, `${key}: another address`).not.toBe(429);
      expect(signedIn.status, `${key}: a signed-in caller at the refused address`).not.toBe(429);
    }
    const answered = Object.fromEntries(outcomes.map((outcome) => [outcome.key, outcome.answered]));
    // A page costs 1 unit; printing a certificate more.
    expect(answered['GET /health']).toBe(BUDGET);
    expect(answered['POST /certificates/print']).toBeLessThan(BUDGET / 10);
  });

  it('answers a bad token on a route as on /graphql: 401 UNAUTHENTICATED, nothing served', async () => {
    const gateway = await startTestGateway({
      callerLimits: { costPerWindow: 1_000, windowSeconds: 60, maxInFlight: 5 },
    });
    for (const key of ['GET /health', 'GET /certificates/verify', 'POST /certificates/print']) {
      const answer = await callRoute(gateway, key, '127.0.5.1', { authorization: 'Bearer not-a-token' });
      expect(answer.status, key).toBe(401);
      expect(codeOf(answer), key).toBe('UNAUTHENTICATED');
    }
    expect((await callRoute(gateway, 'GET /health', '127.0.5.1')).status).toBe(200);
  });

  it('hands the route the caller it verified', async () => {
    const { d: _private, ...publicJwk } = await exportJWK(issuer.publicKey);
    const callers = createCallerVerifier({
      keys: createLocalJWKSet({ keys: [publicJwk] }),
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const limiter = createCallerLimiter({ costPerWindow: 100, windowSeconds: 60, maxInFlight: 5 });
    const admission = admitRequests({
      callers,
      limiter,
      clientAddress: findClientAddress([]),
      routes: {
        'GET /whoami': { cost: 1, route: (_req, res, info) => sendJson(res, 200, info.caller) },
      },
    });
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
    await apollo.start();
    const server: RunningServer = await serveGraphQL({
      server: apollo,
      admit: admission.admit,
      context: async () => ({}),
      routes: admission.routes,
    });
    started.push({
      close: async () => {
        await server.close();
        callers.close();
        await limiter.close();
      },
    });
    const anonymous = await sendFrom(server.url, '/whoami');
    expect(JSON.parse(anonymous.text)).toMatchObject({ kind: 'anonymous' });
    const officer = await sendFrom(server.url, '/whoami', {
      headers: { authorization: `Bearer ${await officerToken('staff-7')}` },
    });
    expect(JSON.parse(officer.text)).toMatchObject({ kind: 'officer', sub: 'staff-7' });
  });
});

describe('/ready and /metrics', () => {
  it('ask the subgraphs once for requests that come together, and about once a second under a loop', async () => {
    const gateway = await startTestGateway({
      callerLimits: { costPerWindow: 1_000_000, windowSeconds: 60, maxInFlight: 1_000 },
    });
    readyChecks = 0;
    const together = await Promise.all(Array.from({ length: 20 }, () => sendFrom(gateway.url, '/ready')));
    expect(together.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    // One check asks every subgraph once.
    expect(readyChecks).toBe(SUBGRAPHS.length);

    readyChecks = 0;
    const begun = performance.now();
    let answered = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() - begun < 2_500) {
          expect((await sendFrom(gateway.url, '/ready')).status).toBe(200);
          answered++;
        }
      }),
    );
    const seconds = (performance.now() - begun) / 1_000;
    expect(answered).toBeGreaterThan(20);
    expect(readyChecks / SUBGRAPHS.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    const metrics = await Promise.all(Array.from({ length: 5 }, () => sendFrom(gateway.url, '/metrics')));
    expect(new Set(metrics.map((answer) => answer.text)).size).toBe(1);
    expect(metrics[0]!.text).toContain('department_up');
  });

  it('answer only OPERATOR_ADDRESSES when it is set, read through trusted proxies only', async () => {
    const operator = '127.0.3.1';
    const proxy = '127.0.3.2';
    const gateway = await startTestGateway({
      callerLimits: { costPerWindow: 1_000, windowSeconds: 60, maxInFlight: 5 },
      operatorAddresses: [operator],
      trustedProxies: [proxy],
    });
    for (const path of ['/ready', '/metrics']) {
      const stranger = await sendFrom(gateway.url, path, { from: '127.0.3.3' });
      expect(stranger.status, path).toBe(404);
      expect(codeOf(stranger), path).toBe('NOT_FOUND');
      expect((await sendFrom(gateway.url, path, { from: operator })).status, path).toBe(200);
      // Through the balancer, the operator is the address it forwarded...
      const forwarded = await sendFrom(gateway.url, path, { from: proxy, headers: { 'x-forwarded-for': operator } });
      expect(forwarded.status, path).toBe(200);
      const forwardedStranger = await sendFrom(gateway.url, path, {
        from: proxy,
        headers: { 'x-forwarded-for': `${operator}, 198.51.100.1` },
      });
      expect(forwardedStranger.status, path).toBe(404);
      // ... and a stranger naming the operator's address itself is still a stranger.
      const spoofed = await sendFrom(gateway.url, path, {
        from: '127.0.3.3',
        headers: { 'x-forwarded-for': operator },
      });
      expect(spoofed.status, path).toBe(404);
    }
    expect((await sendFrom(gateway.url, '/health', { from: '127.0.3.3' })).status).toBe(200);
  });
});

describe('anonymous callers by address', () => {
  const BUDGET = 20;
  const proxy = '127.0.4.1';
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      callerLimits: { costPerWindow: BUDGET, windowSeconds: 60, maxInFlight: 5 },
      trustedProxies: [proxy],
    });
  });

  /** GET /health (1 unit) from `from`, with this X-Forwarded-For, until refused: how many were answered. */
  async function spend(from: string, forwardedFor: (index: number) => string | null) {
    for (let answered = 0; answered <= BUDGET; answered++) {
      const header = forwardedFor(answered);
      const answer = await sendFrom(gateway.url, '/health', {
        from,
        headers: header === null ? {} : { 'x-forwarded-for': header },
      });
      if (answer.status === 429) {
        expectRefused(answer, `after ${answered}`);
        return answered;
      }
    }
    throw new Error(`more than ${BUDGET} answered: no limit`);
  }
  const health = (from: string, forwardedFor?: string) =>
    sendFrom(gateway.url, '/health', { from, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  it('counts every IPv6 address of one /64 against one budget, behind a trusted proxy', async () => {
    expect(await spend(proxy, () => '2001:db8:1:2::1')).toBe(BUDGET);
    expect((await health(proxy, '2001:db8:1:2:ffff:ffff:ffff:9')).status).toBe(429);
    // Whatever the client wrote into the header before the proxy's entry is not read.
    expect((await health(proxy, '2001:db8:7::7, 2001:db8:1:2::abcd')).status).toBe(429);
    expect((await health(proxy, '2001:db8:1:3::1')).status).toBe(200);
    // The proxy's own requests (its health checks) are its own caller.
    expect((await health(proxy)).status).toBe(200);
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    expect(await spend(proxy, () => '::ffff:198.51.100.7')).toBe(BUDGET);
    expect((await health(proxy, '198.51.100.7')).status).toBe(429);
    expect((await health(proxy, '198.51.100.8')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    expect(await spend('127.0.4.2', (index) => `198.51.100.${index + 10}, 2001:db8:5::${index + 1}`)).toBe(BUDGET);
    expect((await health('127.0.4.2', '203.0.113.1')).status).toBe(429);
    expect((await health('127.0.4.3')).status).toBe(200);
  });
});
