import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CompanyProfileDocument } from '../examples/generated/operations.js';
import { startStack, type Stack } from './harness.js';

let stack: Stack;
/** Every service's log lines, to find the operator's line about a department going down. */
const lines: string[] = [];
const logs = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

beforeAll(async () => {
  stack = await startStack({ legacyTimeoutMs: 1_000, logs });
});
afterEach(async () => {
  await stack.resetLegacy();
});
afterAll(async () => {
  await stack?.close();
});

const asCompany = (sub: string) => ({ as: { kind: 'company' as const, sub } });

function departmentErrors(response: { errors?: Array<{ extensions?: Record<string, unknown> }> }, department: string) {
  return (response.errors ?? []).filter(
    (error) => error.extensions?.code === 'DEPARTMENT_UNAVAILABLE' && error.extensions?.department === department,
  );
}

describe('one department down', () => {
  it('returns market and social data when tax is down, with an error naming tax', async () => {
    await stack.setFaults('tax', { down: true });
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const response = await stack.query(CompanyProfileDocument, { uscc, year: 2025 }, asCompany(uscc));
    expect(response.status).toBe(200);
    expect(response.data!.company!.name).toBe(stack.dataSet.companyByUscc.get(uscc)!.name);
    expect(response.data!.company!.socialInsurance).not.toBeNull();
    expect(response.data!.company!.tax).toBeNull();
    expect(departmentErrors(response, 'tax').length).toBeGreaterThan(0);
    expect(response.errors!.every((error) => error.extensions?.department === 'tax')).toBe(true);
  });

  it('returns market and tax data when social is down, with an error naming social', async () => {
    await stack.setFaults('social', { down: true });
    const response = await stack.query(
      CompanyProfileDocument,
      { uscc: stack.dataSet.fixtures.companyInArrears, year: 2025 },
      asCompany(stack.dataSet.fixtures.companyInArrears),
    );
    expect(response.status).toBe(200);
    expect(response.data!.company!.tax).not.toBeNull();
    expect(response.data!.company!.socialInsurance).toBeNull();
    expect(departmentErrors(response, 'social').length).toBeGreaterThan(0);
  });

  it('names the market when the registry that owns the company is down', async () => {
    await stack.setFaults('market', { down: true });
    const response = await stack.query(
      CompanyProfileDocument,
      { uscc: stack.dataSet.fixtures.companyInArrears, year: 2025 },
      asCompany(stack.dataSet.fixtures.companyInArrears),
    );
    expect(response.status).toBe(200);
    expect(response.data?.company ?? null).toBeNull();
    expect(departmentErrors(response, 'market').length).toBeGreaterThan(0);
  });

  it('answers within the legacy timeout when a department hangs', async () => {
    await stack.setFaults('tax', { hangRate: 1 });
    const response = await stack.query(
      CompanyProfileDocument,
      { uscc: stack.dataSet.fixtures.companyInArrears, year: 2025 },
      asCompany(stack.dataSet.fixtures.companyInArrears),
    );
    // The hang would outlast the test; the answer comes because the 1 s legacy timeout fired.
    expect(response.data!.company!.tax).toBeNull();
    expect(departmentErrors(response, 'tax')[0]?.extensions?.reason).toBe('timeout');
  });

  // Leaves the tax circuit open for its reset time: after every test that needs tax answering.
  it('stays ready while a legacy system is down, and names the department in /ready, /metrics and the log', async () => {
    await stack.setFaults('tax', { down: true });
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const taxReady = async () =>
      (await (await fetch(`${stack.subgraphs.tax.url}/ready`)).json()) as {
        checks: { legacySystem: { available: boolean; circuit: string } };
      };
    // Consecutive failed calls open the circuit; each query makes one.
    for (let i = 0; i < 20 && (await taxReady()).checks.legacySystem.circuit !== 'open'; i++)
      await stack.query(CompanyProfileDocument, { uscc, year: 2025 }, asCompany(uscc));
    const subgraph = await fetch(`${stack.subgraphs.tax.url}/ready`);
    expect(subgraph.status).toBe(200);
    expect(((await subgraph.json()) as { checks: unknown }).checks).toMatchObject({
      legacySystem: { available: false, circuit: 'open' },
    });
    const gateway = await fetch(`${stack.gatewayUrl}/ready`);
    expect(gateway.status).toBe(200);
    const body = (await gateway.json()) as { status: string; departmentsDown: string[] };
    expect(body).toMatchObject({ status: 'ready', departmentsDown: ['tax'] });
    const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/department_legacy_available\{[^}]*department="tax"[^}]*\} 0/);
    expect(metrics).toMatch(/department_legacy_available\{[^}]*department="market"[^}]*\} 1/);
    expect(await (await fetch(`${stack.subgraphs.tax.url}/metrics`)).text()).toMatch(
      /legacy_circuit_state\{[^}]*department="tax"[^}]*\} 2/,
    );
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({ service: 'tax-subgraph', level: 'warn', department: 'tax', circuit: 'open' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ service: 'gateway', level: 'warn', department: 'tax', state: 'legacy system down' }),
    );
  });

  // Last in the file: it stops the social subgraph for good.
  it('names the department when its subgraph itself cannot be reached', async () => {
    const url = stack.subgraphs.social.url;
    await stack.subgraphs.social.close();
    const response = await stack.query(
      CompanyProfileDocument,
      { uscc: stack.dataSet.fixtures.companyInArrears, year: 2025 },
      asCompany(stack.dataSet.fixtures.companyInArrears),
    );
    expect(response.data!.company!.name).toBeTruthy();
    expect(response.data!.company!.socialInsurance).toBeNull();
    expect(departmentErrors(response, 'social').length).toBeGreaterThan(0);
    expect(JSON.stringify(response.errors)).not.toContain(url);
  });
});
