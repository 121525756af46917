import { readFileSync } from 'node:fs';
import { createLocalJWKSet, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../core/index.js';
import { startGateway } from './server.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
let gateway: RunningServer;

beforeAll(async () => {
  // Subgraph URLs point nowhere: these tests exercise the gateway's own endpoints.
  const signing = await generateKeyPair('ES256');
  gateway = await startGateway({
    identity: { keys: createLocalJWKSet({ keys: [] }), issuer: 'nobody', audience: 'city-graph' },
    signingKey: { key: signing.privateKey },
    supergraphSdl: read('supergraph.graphql'),
    subgraphUrls: {
      market: 'http://127.0.0.1:9/graphql',
      tax: 'http://127.0.0.1:9/graphql',
      social: 'http://127.0.0.1:9/graphql',
    },
  });
});
afterAll(async () => {
  await gateway?.close();
});

describe('the gateway endpoints', () => {
  it('serves the explorer page and every asset it loads from itself, with no CDN', async () => {
    const page = await fetch(`${gateway.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source.startsWith('/'), `${source} must be served by the gateway`).toBe(true);
      const asset = await fetch(`${gateway.url}${source}`);
      expect(asset.status, source).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
    }
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves the public API schema as SDL, equal to the committed schema.graphql', async () => {
    const response = await fetch(`${gateway.url}/schema.graphql`);
    expect(response.status).toBe(200);
    const sdl = await response.text();
    expect(sdl).toBe(read('schema.graphql'));
    expect(sdl).not.toContain('join__');
  });

  it('answers /health', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers introspection for integrators', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __type(name: "Company") { fields { name } } }' }),
    });
    const body = (await response.json()) as { data: { __type: { fields: Array<{ name: string }> } } };
    expect(body.data.__type.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['uscc', 'tax', 'socialInsurance', 'shareholders']),
    );
  });
});

describe('bad HTTP requests', () => {
  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('answers an unknown path with 404 NOT_FOUND', async () => {
    const response = await fetch(`${gateway.url}/nope`);
    expect(response.status).toBe(404);
    expect(
      ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses a request without a query, and a form post (CSRF), with 400', async () => {
    const empty = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    const form = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(form.status).toBe(400);
  });

  it('keeps a stack trace and internal URLs out of an unreachable subgraph error', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchCompanies(name: "科技") { uscc } }' }),
    });
    const text = await response.text();
    expect(text).toContain('DEPARTMENT_UNAVAILABLE');
    expect(text).toContain('"department":"market"');
    expect(text).not.toContain('127.0.0.1:9');
    expect(text).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });
});

describe('a request target that is no URL', () => {
  it('gets 400 and leaves the gateway serving', async () => {
    const { connect } = await import('node:net');
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(gateway.port, '127.0.0.1', () =>
        socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer.split('\r\n')[0]!));
      socket.on('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});
