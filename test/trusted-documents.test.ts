import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyProfileDocument } from '../examples/generated/client/graphql.js';
import { readTrustedDocuments, trustedDocumentsFromEnvironment } from '../gateway/requireTrustedDocuments.js';
import type { RunningServer } from '../subgraphs/kit/index.js';
import { startStack, type CallerClaims, type Stack } from './harness.js';
import { MANIFEST_PATH, startTrustedGateway } from './trustedGateway.js';

/**
 * The "done when": with the manifest in force, an unregistered operation from a portal
 * token is refused, a registered one answers, and an integrator's ad-hoc query still works.
 * A second gateway over the harness's subgraphs runs with the committed manifest and the
 * portal application `city-portal`.
 */
const MANIFEST = MANIFEST_PATH;
const PORTAL = 'city-portal';

let stack: Stack;
let gateway: RunningServer;

beforeAll(async () => {
  stack = await startStack();
  gateway = await startTrustedGateway(stack, [PORTAL]);
});
afterAll(async () => {
  await gateway?.close();
  await stack?.close();
});

async function post(body: unknown, claims?: CallerClaims) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(claims ? { authorization: `Bearer ${await stack.tokenFor(claims)}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const COMPANY_PROFILE_HASH = (CompanyProfileDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const AD_HOC = 'query AdHoc($uscc: ID!) { company(uscc: $uscc) { name status } }';

describe('trusted documents', () => {
  const company = () => stack.dataSet.fixtures.companyInArrears;
  const portalCompany = (): CallerClaims => ({ kind: 'company', sub: company(), azp: PORTAL });

  it('answers a registered operation sent by its hash alone to a portal token', async () => {
    const { status, body } = await post(
      {
        operationName: 'CompanyProfile',
        variables: { uscc: company(), year: 2025 },
        extensions: { persistedQuery: { version: 1, sha256Hash: COMPANY_PROFILE_HASH.replace(/^sha256:/, '') } },
      },
      portalCompany(),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.uscc).toBe(company());
    expect(body.data.company.tax.arrears).toBeTypeOf('string');
  });

  it('answers a registered operation sent as its full document, as written in the operations folder', async () => {
    const query = readFileSync(new URL('../examples/operations/CompanyProfile.graphql', import.meta.url), 'utf8');
    const { status, body } = await post({ query, variables: { uscc: company(), year: 2025 } }, portalCompany());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.name).toBeTypeOf('string');
  });

  it('refuses an unregistered operation from a portal token with 400 TRUSTED_DOCUMENT_REQUIRED, running nothing', async () => {
    await stack.resetLegacy();
    const { status, body } = await post({ query: AD_HOC, variables: { uscc: company() } }, portalCompany());
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const stats = await stack.legacyStats();
    expect(Object.values(stats).map((snapshot) => snapshot.total)).toEqual([0, 0, 0]);
  });

  it('refuses an unknown hash from a portal token the same way', async () => {
    const { status, body } = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      { kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative, azp: PORTAL },
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it("leaves an integrator's ad-hoc query alone (a token whose azp is not a portal application)", async () => {
    const { status, body } = await post(
      { query: AD_HOC, variables: { uscc: company() } },
      { kind: 'company', sub: company(), azp: 'erp-integration' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.status).toBe('ACTIVE');
  });

  it('leaves anonymous ad-hoc queries alone, under the same limits as before', async () => {
    const ok = await post({ query: AD_HOC, variables: { uscc: company() } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.company.name).toBeTypeOf('string');
    const deep = await post({
      query: `{ company(uscc: "${company()}") { ${'shareholders { holdings { company { '.repeat(5)}name${' } } }'.repeat(5)} } }`,
    });
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a manifest whose hash is not the hash of its document, and portal applications without a manifest', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trusted-'));
    try {
      const file = join(folder, 'manifest.json');
      writeFileSync(file, JSON.stringify({ [`sha256:${'b'.repeat(64)}`]: '{ __typename }' }));
      expect(() => readTrustedDocuments(file, [PORTAL])).toThrow(/not the sha256 of its document/);
      expect(() => trustedDocumentsFromEnvironment({ PORTAL_APPLICATIONS: PORTAL })).toThrow(/TRUSTED_DOCUMENTS_FILE/);
      expect(trustedDocumentsFromEnvironment({})).toBeNull();
      const loaded = trustedDocumentsFromEnvironment({
        TRUSTED_DOCUMENTS_FILE: MANIFEST,
        PORTAL_APPLICATIONS: ` ${PORTAL} ,x`,
      });
      expect([...loaded!.portalApplications]).toEqual([PORTAL, 'x']);
      expect(loaded!.documents.size).toBeGreaterThanOrEqual(5);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
