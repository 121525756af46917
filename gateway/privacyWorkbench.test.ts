import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../core/index.js';
import { privacyWorkbenchRoutes } from './privacyWorkbench.js';

/** The routes behind a bare node:http server, as serveGraphQL dispatches them (method and path). */
async function serve(routes: ReturnType<typeof privacyWorkbenchRoutes>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[`${req.method} ${path}`];
    if (!route) return void res.writeHead(404).end();
    void route(req, res, { req, requestId: 'r', correlationId: null, caller: ANONYMOUS } as never);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('the privacy workbench routes', () => {
  const broken = mkdtempSync(join(tmpdir(), 'workbench-'));
  let shipped: { url: string; server: Server };
  let invalid: { url: string; server: Server };
  beforeAll(async () => {
    writeFileSync(join(broken, 'roles.yaml'), 'roles: [\n');
    shipped = await serve(privacyWorkbenchRoutes());
    invalid = await serve(privacyWorkbenchRoutes({ policyFolder: broken }));
  });
  afterAll(() => {
    shipped.server.close();
    invalid.server.close();
    rmSync(broken, { recursive: true, force: true });
  });

  it('serve the page with a strict content security policy, and the policy table as JSON', async () => {
    const page = await fetch(`${shipped.url}/privacy/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const table = (await (await fetch(`${shipped.url}/privacy/policy.json`)).json()) as {
      departments: Array<{ department: string; fields: Array<{ field: string; at: string }> }>;
      warnings: unknown[];
    };
    const tax = table.departments.find((entry) => entry.department === 'tax')!;
    expect(tax.fields.find((field) => field.field === 'Person.incomeTax')?.at).toMatch(/^tax\.yaml:\d+$/);
    expect(table.warnings).toEqual([]);
  });

  it('refuse a ref that is not plain with 400 BAD_REF, an unknown one with 404, a missing one with 400', async () => {
    for (const [ref, status, code] of [
      ['--upload-pack=x', 400, 'BAD_REF'],
      ['HEAD:privacy', 400, 'BAD_REF'],
      ['no-such-ref-anywhere', 404, 'UNKNOWN_REF'],
    ] as const) {
      const response = await fetch(`${shipped.url}/privacy/diff.json?ref=${encodeURIComponent(ref)}`);
      expect(response.status, ref).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
    const missing = await fetch(`${shipped.url}/privacy/diff.json`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'MISSING_REF' } });
    const same = (await (await fetch(`${shipped.url}/privacy/diff.json?ref=HEAD`)).json()) as { sha: string };
    expect(same.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answer a policy folder that fails the check with 409 POLICY_INVALID, not a crash', async () => {
    const response = await fetch(`${invalid.url}/privacy/policy.json`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'POLICY_INVALID', message: expect.stringContaining('roles.yaml:') },
    });
  });
});
