import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckDigit } from '../../core/ids.js';
import { createBearerTokenVerifier, sendJson, type BearerTokenVerifier } from '../../core/index.js';
import { repositoryRoot } from '../../core/repositoryRoot.js';
import { DEPARTMENT_SETTINGS } from '../../registry/departments.js';
import {
  createPolicyWorkbench,
  MAX_DIFFS_AT_ONCE,
  MAX_DIFFS_WAITING,
  type PolicyWorkbench,
} from '../../workbench/policyWorkbench.js';
import { createGitRunner, type GitRunner } from '../../workbench/runGit.js';
import { startWorkbench, type RunningWorkbench } from '../../workbench/server.js';

/**
 * Issue 20, finding 1: the workbench's data routes needed no login, ran about ten synchronous git
 * calls and two policy compilations per diff on the gateway's event loop, and cached nothing;
 * twenty looping connections from one address made a citizen's query wait seconds. Here the
 * workbench runs as its own app (workbench/server.ts, as `npm run workbench` starts it), with real
 * tokens (core's createBearerTokenVerifier), real git (counted) and the workbench's worker
 * thread, beside the app's /health on the same event loop; a stand-in gateway counts what the
 * app passes to /graphql.
 */
const REPOSITORY_ROOT = repositoryRoot();
const ISSUER = 'workbench-abuse-issuer';
const AUDIENCE = 'city-graph';
const gitCalls: string[][] = [];
const git = createGitRunner({ cwd: REPOSITORY_ROOT });
const countingGit: GitRunner = (args, options) => {
  gitCalls.push([...args]);
  return git(args, options);
};

let key: CryptoKey;
let verifyToken: BearerTokenVerifier;
let workbench: PolicyWorkbench;
let app: RunningWorkbench;
let url: string;
/** Stands in for the gateway: answers /graphql with an empty log and keeps the headers it was sent. */
let graph: Server;
let graphUrl: string;
const graphCalls: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  key = pair.privateKey;
  verifyToken = createBearerTokenVerifier({
    keys: createLocalJWKSet({ keys: [await exportJWK(pair.publicKey)] }),
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  graph = createServer((req, res) => {
    graphCalls.push(req.headers);
    req.resume();
    req.on('end', () =>
      sendJson(res, 200, { data: { accessLog: { accesses: [], endCursor: null, hasNextPage: false } } }),
    );
  });
  await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
  graphUrl = `http://127.0.0.1:${(graph.address() as { port: number }).port}`;
  workbench = createPolicyWorkbench({
    departments: DEPARTMENT_SETTINGS.map(({ name, schemaFile }) => ({ name, schemaFile })),
    runGit: countingGit,
  });
  // The per-caller limits are lifted here so that the workbench's own bounds are what the loops meet;
  // the limits are tested on their own below, on an app of their own.
  app = await startWorkbench({
    gatewayUrl: graphUrl,
    verifyToken,
    workbench,
    limits: { costPerWindow: 10_000_000, windowSeconds: 60 },
  });
  url = app.url;
});

afterAll(async () => {
  await app?.close();
  await workbench?.close();
  graph?.closeAllConnections();
  graph?.close();
});

async function tokenFor(claims: { kind: string; sub: string; roles?: string[] }, ttlSeconds = 600): Promise<string> {
  const { sub, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now - (ttlSeconds < 0 ? 1200 : 0))
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}

const DATA_ROUTES = ['/privacy/policy.json', '/privacy/versions.json', '/privacy/diff.json?ref=HEAD~1'];

describe('the privacy workbench under a hostile caller', () => {
  it('refuses anonymous callers and everyone but a privacy officer before any git or compilation', async () => {
    const citizen = `11010119900307001${residentIdCheckDigit('11010119900307001')}`;
    const refusals: Array<[Record<string, string>, number, string]> = [
      [{}, 401, 'UNAUTHENTICATED'],
      [{ authorization: 'Bearer not.a.token' }, 401, 'UNAUTHENTICATED'],
      [
        {
          authorization: `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] }, -600)}`,
        },
        401,
        'UNAUTHENTICATED',
      ],
      [{ authorization: `Bearer ${await tokenFor({ kind: 'person', sub: citizen })}` }, 403, 'FORBIDDEN'],
      [
        { authorization: `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'] })}` },
        403,
        'FORBIDDEN',
      ],
    ];
    for (const path of DATA_ROUTES)
      for (const [headers, status, code] of refusals) {
        const response = await fetch(`${url}${path}`, { headers });
        expect(response.status, `${path} ${status}`).toBe(status);
        expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
      }
    expect(gitCalls).toEqual([]);
    expect(workbench.counts()).toMatchObject({ tables: 0, versionLists: 0, diffs: 0 });
    // The page itself stays public, and says how to sign in.
    const page = await fetch(`${url}/privacy/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('--roles privacy-officer');
  });

  it('serves the second identical diff from its cache: no git reads a file, nothing is compiled', async () => {
    const officer = {
      authorization: `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] })}`,
    };
    const first = await fetch(`${url}/privacy/diff.json?ref=HEAD~1`, { headers: officer });
    expect(first.status).toBe(200);
    const answer = await first.json();
    const counted = workbench.counts();
    const calls = gitCalls.length;
    const second = await fetch(`${url}/privacy/diff.json?ref=HEAD~1`, { headers: officer });
    expect(await second.json()).toEqual(answer);
    expect(workbench.counts()).toMatchObject({ diffs: counted.diffs, cacheHits: counted.cacheHits + 1 });
    // Only the ref is resolved again (a branch may have moved); no ls-tree, no cat-file.
    expect(gitCalls.slice(calls).map((args) => args[0])).toEqual(['rev-parse']);
  });

  it('keeps answering /health while twenty connections loop over diffs, and compiles each committed policy once', async () => {
    const officer = {
      authorization: `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] })}`,
    };
    // The commits that changed the policy or a schema (but the last, which the test above asked about): diffs to compile.
    const schemaFiles = DEPARTMENT_SETTINGS.map(({ schemaFile }) => schemaFile);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
    const refs = git('log', '--format=%H', '--skip', '1', '--', 'privacy/', ...schemaFiles)
      .split('\n')
      .filter(Boolean);
    expect(refs.length).toBeGreaterThan(5);
    const policies = new Set(refs.map((ref) => git('ls-tree', '-r', ref, '--', 'privacy/', ...schemaFiles)));
    const before = workbench.counts().diffs;
    const inFlight = new Set<Promise<unknown>>();
    const statuses: number[] = [];
    let mostRunning = 0;
    let mostWaiting = 0;
    const ask = async (ref: string) => {
      const request = fetch(`${url}/privacy/diff.json?ref=${ref}`, { headers: officer }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
      inFlight.add(request);
      try {
        return await request;
      } finally {
        inFlight.delete(request);
        const { diffsRunning, diffsWaiting } = workbench.counts();
        mostRunning = Math.max(mostRunning, diffsRunning);
        mostWaiting = Math.max(mostWaiting, diffsWaiting);
      }
    };
    let loopsDone = false;
    // Twenty connections at once, each asking its diff three times; one refused (WORKBENCH_BUSY) asks again once
    // another answer is in, as a hostile client would, without waiting for Retry-After.
    const loops = Promise.all(
      Array.from({ length: 20 }, async (_, connection) => {
        const ref = refs[connection % refs.length]!;
        for (let round = 0; round < 3; round++)
          for (;;) {
            const status = await ask(ref);
            statuses.push(status);
            if (status !== 503) break;
            if (inFlight.size > 0) await Promise.race(inFlight).catch(() => undefined);
          }
      }),
    ).finally(() => (loopsDone = true));

    // While a policy is being compiled, the event loop is free: /health and a timer are answered in the middle of it.
    // (Compiled on the event loop, no poll could ever see `compiling` above 0.)
    await expect.poll(() => workbench.counts().compiling, { interval: 5 }).toBeGreaterThan(0);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const compilingWhenHealthAnswered = workbench.counts().compiling;
    const compilingWhenTimerFired = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(workbench.counts().compiling), 0),
    );
    expect(compilingWhenHealthAnswered).toBeGreaterThan(0);
    expect(compilingWhenTimerFired).toBeGreaterThan(0);
    expect(loopsDone).toBe(false);

    await loops;
    // 200, or 409 for a committed policy that today's check refuses; never a 500.
    expect(statuses.filter((status) => ![200, 409, 503].includes(status))).toEqual([]);
    expect(statuses.filter((status) => status !== 503)).toHaveLength(60);
    const compiled = workbench.counts().diffs - before;
    expect(compiled).toBeGreaterThan(0);
    expect(compiled).toBeLessThanOrEqual(policies.size);
    expect(mostRunning).toBeLessThanOrEqual(MAX_DIFFS_AT_ONCE);
    expect(mostWaiting).toBeLessThanOrEqual(MAX_DIFFS_WAITING);
  });
});

describe('the privacy workbench app, apart from the gateway', () => {
  it('charges every caller of its own: a loop of diffs meets 429 RATE_LIMITED before any git, and others are still served', async () => {
    const BUDGET = 2_500;
    const limited = await startWorkbench({
      gatewayUrl: graphUrl,
      verifyToken,
      workbench,
      limits: { costPerWindow: BUDGET, windowSeconds: 60 },
    });
    try {
      const asOfficer = async (sub: string) => ({
        authorization: `Bearer ${await tokenFor({ kind: 'officer', sub, roles: ['privacy-officer'] })}`,
      });
      const greedy = await asOfficer('staff-0666');
      // A diff costs 1,000 units: two fit in the window, the third is refused without a git call.
      for (const ref of ['HEAD~1', 'HEAD~1'])
        expect((await fetch(`${limited.url}/privacy/diff.json?ref=${ref}`, { headers: greedy })).status).toBe(200);
      const calls = gitCalls.length;
      const refused = await fetch(`${limited.url}/privacy/diff.json?ref=HEAD~1`, { headers: greedy });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
      expect(gitCalls.length).toBe(calls);
      // Another officer has a budget of their own.
      expect(
        (await fetch(`${limited.url}/privacy/versions.json`, { headers: await asOfficer('staff-0007') })).status,
      ).toBe(200);
      // Anonymous callers are counted by their address: refusals cost them too, and the public page is bounded as well.
      let anonymous = 0;
      for (; anonymous < 100; anonymous++)
        if ((await fetch(`${limited.url}/privacy/policy.json`)).status === 429) break;
      expect(anonymous).toBe(BUDGET / 100);
      expect((await fetch(`${limited.url}/privacy/`)).status).toBe(429);
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    } finally {
      // The workbench it was given stays open for the other tests.
      await limited.close();
    }
  });

  it("passes /graphql to the gateway for a privacy officer only, with the officer's token and X-Purpose and nothing else", async () => {
    const before = graphCalls.length;
    const citizen = `11010119900307001${residentIdCheckDigit('11010119900307001')}`;
    const search = (headers: Record<string, string>) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-purpose': 'privacy-review', cookie: 'session=x', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    for (const [headers, status, code] of [
      [{}, 401, 'UNAUTHENTICATED'],
      [{ authorization: 'Bearer not.a.token' }, 401, 'UNAUTHENTICATED'],
      [{ authorization: `Bearer ${await tokenFor({ kind: 'person', sub: citizen })}` }, 403, 'FORBIDDEN'],
      [
        { authorization: `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'] })}` },
        403,
        'FORBIDDEN',
      ],
    ] as const) {
      const answer = await search(headers);
      expect(answer.status).toBe(status);
      expect(await answer.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    }
    expect(graphCalls.length).toBe(before);
    const officer = `Bearer ${await tokenFor({ kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] })}`;
    const answer = await search({ authorization: officer });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { accessLog: { accesses: [], endCursor: null, hasNextPage: false } } });
    expect(graphCalls.slice(before)).toHaveLength(1);
    expect(graphCalls.at(-1)).toMatchObject({ authorization: officer, 'x-purpose': 'privacy-review' });
    expect(graphCalls.at(-1)!.cookie).toBeUndefined();
    const large = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: officer },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(70_000)}` }),
    });
    expect(large.status).toBe(413);
    expect(graphCalls.slice(before)).toHaveLength(1);
  });

  it('serves its page at /privacy/ with a strict content security policy, the script bundled from TypeScript, and nothing else', async () => {
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect(root.status).toBe(308);
    expect(root.headers.get('location')).toBe('/privacy/');
    for (const [path, type] of [
      ['/privacy/', 'text/html'],
      ['/privacy/page.js', 'text/javascript'],
      ['/privacy/page.css', 'text/css'],
    ] as const) {
      const answer = await fetch(`${url}${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toContain(type);
      expect(answer.headers.get('content-security-policy'), path).toContain("default-src 'none'");
    }
    // The bundle is one script with no imports left: nothing is fetched from anywhere else.
    expect(await (await fetch(`${url}/privacy/page.js`)).text()).not.toMatch(/\bimport\s*[("'{]/);
    const unknown = await fetch(`${url}/privacy/page.ts`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // A request target that is no URL is the caller's mistake: 400, never a 500.
    const odd = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${url}/`, { path: 'http://[::1' }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(odd.status).toBe(400);
    expect(JSON.parse(odd.body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
