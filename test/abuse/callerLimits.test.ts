import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createLocalJWKSet, exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallerLimits } from '../../gateway/limitCallers.js';
import { startGateway } from '../../gateway/server.js';
import type { RunningServer } from '../../subgraphs/kit/index.js';
import { startStack, TEST_AUDIENCE, TEST_ISSUER, type Stack } from '../harness.js';

/**
 * Issue 11, "No per-caller limits": one caller or one address must not take the whole gateway.
 * Cost units per window and requests in flight, per caller; in Redis, shared by replicas.
 */
const LIMITS: CallerLimits = { costPerWindow: 300, windowSeconds: 60, maxInFlight: 2 };
/** Costs 1 + 1 + 1 + 20 × 2 = 43 units: six fit in 300. */
const PROFILE = (uscc: string) => `{ company(uscc: "${uscc}") { name shareholders { holdings { holderName } } } }`;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ callerLimits: LIMITS });
});
afterAll(async () => {
  await stack?.close();
});

async function post(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    codes: (body.errors ?? []).map((error) => error.extensions?.code),
    body,
  };
}

/** Sends the profile as `uscc` until refused; how many were answered, and the refusal. */
async function spendUntilRefused(url: string, uscc: string, token: string, most = 50) {
  for (let answered = 0; answered < most; answered++) {
    const answer = await post(url, PROFILE(uscc), token);
    if (answer.status !== 200) return { answered, refusal: answer };
  }
  throw new Error(`${most} requests answered: no limit`);
}

describe('cost units per window', () => {
  it('refuses a caller over its units with 429, RATE_LIMITED and Retry-After, and still serves another caller', async () => {
    const greedy = stack.dataSet.fixtures.companyInArrears;
    const other = stack.dataSet.fixtures.companyWithTwoShareholders;
    const { answered, refusal } = await spendUntilRefused(
      stack.gatewayUrl,
      greedy,
      await stack.tokenFor({ kind: 'company', sub: greedy }),
    );
    expect(answered).toBe(6);
    expect(refusal.status).toBe(429);
    expect(refusal.codes).toEqual(['RATE_LIMITED']);
    expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
    expect(Number(refusal.retryAfter)).toBeLessThanOrEqual(60);
    // Another token of the same company is the same caller.
    expect(
      (await post(stack.gatewayUrl, PROFILE(greedy), await stack.tokenFor({ kind: 'company', sub: greedy }))).status,
    ).toBe(429);
    expect(
      (await post(stack.gatewayUrl, PROFILE(other), await stack.tokenFor({ kind: 'company', sub: other }))).status,
    ).toBe(200);
  });

  it('counts a document refused by validation as 100 units, so a flood of them is soon refused', async () => {
    const person = stack.dataSet.fixtures.employeeShareholder;
    const token = await stack.tokenFor({ kind: 'person', sub: person });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(stack.gatewayUrl, '{ nope }', token)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
  });

  it('counts a request refused before it is parsed as 1 unit', async () => {
    const statuses: number[] = [];
    // Bad tokens count against the address they come from.
    for (let i = 0; i < 305; i++)
      statuses.push(
        (await post(stack.gatewayUrl, PROFILE(stack.dataSet.fixtures.companyInArrears), 'not-a-token')).status,
      );
    expect(statuses.slice(0, 300).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(300)).toEqual(Array(5).fill(429));
  });
});

describe('requests in flight', () => {
  it('refuses a third request of one caller while two are in flight, and takes it once they are answered', async () => {
    const person = stack.dataSet.fixtures.multiRepresentative;
    const token = await stack.tokenFor({ kind: 'person', sub: person });
    await stack.setFaults('market', { latencyMs: 300 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => post(stack.gatewayUrl, '{ me { legalRepresentativeOf { name } } }', token)),
      );
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.every((answer) => answer.codes[0] === 'RATE_LIMITED' && answer.retryAfter === '1')).toBe(true);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
    } finally {
      await stack.setFaults('market', {});
    }
    const after = await post(stack.gatewayUrl, '{ me { legalRepresentativeOf { name } } }', token);
    expect(after.status, JSON.stringify(after.body)).toBe(200);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisSkipReason(): Promise<string | null> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `no Redis reachable at ${REDIS_URL} (set REDIS_URL): ${(error as Error).message}`;
  } finally {
    client.disconnect();
  }
}

const skipReason = await redisSkipReason();
if (skipReason) console.warn(`Skipping the Redis limits: ${skipReason}`);

describe.skipIf(skipReason !== null)('limits in Redis, shared by gateway replicas', () => {
  const prefix = `city-graph-test-${randomUUID()}`;
  const replicas: RunningServer[] = [];

  beforeAll(async () => {
    const { d: _private, ...publicJwk } = await exportJWK(stack.issuerKey);
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startGateway({
          identity: { keys: createLocalJWKSet({ keys: [publicJwk] }), issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
          signingKey: { key: stack.gatewayKeys.privateKey },
          supergraphSdl: readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8'),
          subgraphUrls: Object.fromEntries(
            Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]),
          ),
          callerLimits: { ...LIMITS, redisUrl: REDIS_URL, keyPrefix: prefix },
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    const client = new Redis(REDIS_URL);
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
  });

  it('counts a caller once across replicas: units spent on one are gone on the other', async () => {
    const uscc = stack.dataSet.fixtures.companyWithManyShareholders;
    const token = await stack.tokenFor({ kind: 'company', sub: uscc });
    const { answered } = await spendUntilRefused(replicas[0]!.url, uscc, token);
    expect(answered).toBe(6);
    const onOther = await post(replicas[1]!.url, PROFILE(uscc), token);
    expect(onOther.status).toBe(429);
    expect(onOther.codes).toEqual(['RATE_LIMITED']);
    const client = new Redis(REDIS_URL);
    try {
      expect((await client.keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      await client.quit();
    }
  });
});
