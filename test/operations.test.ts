import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyProfileDocument } from '../examples/generated/operations.js';
import { startStack, type Stack } from './harness.js';

/** What operators see: metrics, readiness, and logs that follow a request without naming a person. */
const lines: string[] = [];
const logs = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ logs });
});
afterAll(async () => {
  await stack?.close();
});

const text = async (url: string) => (await fetch(url)).text();

describe('metrics', () => {
  it('counts requests per operation and errors per code, at the gateway and in each subgraph', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    await stack.query(CompanyProfileDocument, { uscc, year: 2025 }, { as: { kind: 'company', sub: uscc } });
    await stack.query(`query Peek { company(uscc: "${uscc}") { legalRepresentative { id } } }`);
    const gateway = await text(`${stack.gatewayUrl}/metrics`);
    expect(gateway).toMatch(/graphql_requests_total\{[^}]*operation="CompanyProfile"[^}]*outcome="ok"[^}]*\} 1/);
    expect(gateway).toMatch(/graphql_errors_total\{[^}]*code="FORBIDDEN"[^}]*\} 1/);
    expect(gateway).toMatch(/graphql_request_duration_seconds_count\{[^}]*operation="CompanyProfile"/);
    const market = await text(`${stack.subgraphs.market.url}/metrics`);
    expect(market).toMatch(/graphql_requests_total\{[^}]*service="market-subgraph"/);
    expect(market).toMatch(/legacy_calls_total\{[^}]*department="market"[^}]*operation="queryQyjbxx"[^}]*outcome="ok"/);
    expect(market).toMatch(/legacy_circuit_state\{[^}]*department="market"[^}]*\} 0/);
    expect(market).toMatch(/process_cpu_user_seconds_total/);
  });
});

describe('readiness', () => {
  it('is ready when the supergraph is loaded and every subgraph answers', async () => {
    const response = await fetch(`${stack.gatewayUrl}/ready`);
    const body = (await response.json()) as {
      status: string;
      checks: { supergraph: string; subgraphs: Record<string, { ready: boolean }> };
    };
    expect(response.status).toBe(200);
    expect(body.checks.supergraph).toBe('loaded');
    expect(Object.keys(body.checks.subgraphs).sort()).toEqual(['market', 'platform', 'social', 'tax']);
    expect((await fetch(`${stack.subgraphs.tax.url}/ready`)).status).toBe(200);
  });
});

describe('logs', () => {
  it('follow one request id from the gateway into the subgraphs, and name no person', async () => {
    const id = stack.dataSet.fixtures.multiRepresentative;
    const person = stack.dataSet.residentById.get(id)!;
    lines.length = 0;
    const response = await stack.query(
      `query Lookup($id: ID!) { person(id: $id) { name phone } }`,
      { id },
      { as: { kind: 'officer', sub: 'staff-5', roles: ['social-officer'] }, purpose: 'benefit-claim' },
    );
    await stack.query(`{ person(id: "${id.slice(0, 17)}0") { name } }`, undefined, { as: { kind: 'person', sub: id } });
    const requestId = response.headers.get('x-request-id')!;
    // ... and into the legacy system's call.
    const seen = (await (await fetch(`${stack.legacy.social.url}/__admin/requests`)).json()) as {
      requestIds: string[];
    };
    expect(seen.requestIds).toContain(requestId);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const services = new Set(entries.filter((entry) => entry.requestId === requestId).map((entry) => entry.service));
    expect(services).toEqual(new Set(['gateway', 'social-subgraph']));
    const all = lines.join('\n');
    expect(all).not.toContain(id);
    expect(all).not.toContain(id.slice(0, 17));
    expect(all).not.toContain(person.phone);
    expect(all).not.toContain(person.name);
  });
});

describe('readiness without a subgraph', () => {
  // Last: it stops a subgraph.
  it('is not ready, and says which subgraph is missing', async () => {
    await stack.subgraphs.tax.close();
    const response = await fetch(`${stack.gatewayUrl}/ready`);
    const body = (await response.json()) as { checks: { subgraphs: Record<string, { ready: boolean }> } };
    expect(response.status).toBe(503);
    expect(body.checks.subgraphs.tax!.ready).toBe(false);
    expect(body.checks.subgraphs.market!.ready).toBe(true);
  });
});
