import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { startStack, TEST_AUDIENCE, TEST_ISSUER, type Stack } from '../harness.js';

/**
 * Issue 11 ("Tokens") and the gateway's share of the privacy issue: tokens that live too long or
 * come from the future, roles on a token that is no officer's, and purposes nobody declared.
 * The privacy folder is a copy, so a test can declare a purpose and watch the gateway take it up.
 */
let stack: Stack;
let folder: string;
const PUBLIC_QUERY = '{ searchCompanies(name: "科技", first: 1) { uscc } }';

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'privacy-'));
  cpSync(join(CODE_ROOT, 'privacy'), folder, { recursive: true });
  stack = await startStack({ policyFolder: folder });
});
afterAll(async () => {
  await stack?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A token of the test identity provider with these raw claims (seconds since the epoch). */
function sign(claims: { kind: string; sub: string; roles?: string[]; iat?: number; exp?: number; nbf?: number }) {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer(TEST_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .sign(stack.issuerKey);
}

async function expectUnauthenticated(token: string, reason: RegExp) {
  await stack.resetLegacy();
  const response = await stack.query(PUBLIC_QUERY, undefined, { authorization: `Bearer ${token}` });
  expect(response.status).toBe(401);
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(response.errors?.[0]?.message).toMatch(reason);
  const stats = await stack.legacyStats();
  expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
}

const now = () => Math.floor(Date.now() / 1000);

describe('token lifetimes', () => {
  it('refuses a token that never expires (exp: 1e20)', async () => {
    await expectUnauthenticated(
      await sign({ kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative, iat: now(), exp: 1e20 }),
      /lives longer/,
    );
  });

  it('refuses a token issued a year in the future', async () => {
    const iat = now() + 365 * 86_400;
    await expectUnauthenticated(
      await sign({ kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative, iat, exp: iat + 600 }),
      /issued in the future/,
    );
  });

  it('refuses a token not valid before a later time (nbf), beyond the clock skew', async () => {
    await expectUnauthenticated(
      await sign({
        kind: 'person',
        sub: stack.dataSet.fixtures.multiRepresentative,
        iat: now(),
        exp: now() + 600,
        nbf: now() + 600,
      }),
      /not valid yet/,
    );
  });

  it('refuses a token without iat, whose lifetime is unknown', async () => {
    await expectUnauthenticated(
      await sign({ kind: 'person', sub: stack.dataSet.fixtures.multiRepresentative, exp: now() + 600 }),
      /"iat" claim/,
    );
  });

  it("refuses a portal token living over an hour, and accepts an officer's for a working day", async () => {
    await expectUnauthenticated(
      await sign({ kind: 'company', sub: stack.dataSet.fixtures.companyInArrears, iat: now(), exp: now() + 3_601 }),
      /lives longer/,
    );
    const portal = await sign({
      kind: 'company',
      sub: stack.dataSet.fixtures.companyInArrears,
      iat: now(),
      exp: now() + 3_600,
    });
    expect((await stack.query(PUBLIC_QUERY, undefined, { authorization: `Bearer ${portal}` })).status).toBe(200);
    const officer = await sign({
      kind: 'officer',
      sub: 'staff-17',
      roles: ['tax-officer'],
      iat: now(),
      exp: now() + 12 * 3_600,
    });
    expect((await stack.query(PUBLIC_QUERY, undefined, { authorization: `Bearer ${officer}` })).status).toBe(200);
    await expectUnauthenticated(
      await sign({ kind: 'officer', sub: 'staff-17', roles: ['tax-officer'], iat: now(), exp: now() + 12 * 3_600 + 1 }),
      /lives longer/,
    );
  });

  it('accepts a token issued a few seconds ahead of its clock (skew)', async () => {
    const token = await sign({
      kind: 'person',
      sub: stack.dataSet.fixtures.multiRepresentative,
      iat: now() + 30,
      exp: now() + 600,
    });
    expect((await stack.query(PUBLIC_QUERY, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('roles', () => {
  it('refuses a company token carrying roles, rather than treating it as an officer', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    await expectUnauthenticated(
      await sign({ kind: 'company', sub: uscc, roles: ['social-officer'], iat: now(), exp: now() + 600 }),
      /only officers hold roles/,
    );
  });

  it('refuses a person token carrying roles', async () => {
    await expectUnauthenticated(
      await sign({
        kind: 'person',
        sub: stack.dataSet.fixtures.multiRepresentative,
        roles: ['tax-officer'],
        iat: now(),
        exp: now() + 600,
      }),
      /only officers hold roles/,
    );
  });

  it('accepts a person token with an empty roles list', async () => {
    const token = await sign({
      kind: 'person',
      sub: stack.dataSet.fixtures.multiRepresentative,
      roles: [],
      iat: now(),
      exp: now() + 600,
    });
    expect((await stack.query(PUBLIC_QUERY, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('X-Purpose', () => {
  it('refuses a purpose privacy/roles.yaml does not declare with 400, naming the header', async () => {
    const response = await stack.query(PUBLIC_QUERY, undefined, {
      purpose: 'anything-goes',
      as: { kind: 'officer', sub: 'staff-3', roles: ['tax-officer'] },
    });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(response.errors?.[0]?.message).toMatch(/X-Purpose/);
  });

  it('accepts a declared purpose', async () => {
    const response = await stack.query(PUBLIC_QUERY, undefined, {
      purpose: 'tax-audit',
      as: { kind: 'officer', sub: 'staff-3', roles: ['tax-officer'] },
    });
    expect(response.status).toBe(200);
  });

  it('takes up a purpose added to roles.yaml without a restart', async () => {
    const file = join(folder, 'roles.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('purposes:\n', 'purposes:\n  fraud-inquiry: Looking into a reported fraud.\n'));
    try {
      const answered = async () => (await stack.query(PUBLIC_QUERY, undefined, { purpose: 'fraud-inquiry' })).status;
      await expect.poll(answered, { timeout: 5_000, interval: 100 }).toBe(200);
    } finally {
      writeFileSync(file, before);
    }
    await expect
      .poll(async () => (await stack.query(PUBLIC_QUERY, undefined, { purpose: 'fraud-inquiry' })).status, {
        timeout: 5_000,
        interval: 100,
      })
      .toBe(400);
  });
});
