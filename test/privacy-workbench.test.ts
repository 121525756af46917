import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerTokenVerifier } from '../core/index.js';
import { repositoryRoot } from '../core/repositoryRoot.js';
import { startWorkbench, type RunningWorkbench } from '../workbench/server.js';
import { accessibilityViolations } from './auditAccessibility.js';
import { startStack, TEST_AUDIENCE, TEST_ISSUER, type Stack } from './harness.js';

/**
 * The privacy officers' workbench at /privacy/ of its own app (workbench/server.ts, as `npm run
 * workbench` starts it), in a real browser: Debian's headless Chromium (`apt-get install chromium`;
 * .ci/run installs it), driven by playwright-core. The whole stack runs on ephemeral ports, the
 * workbench beside it trusting the stack's identity provider and passing /graphql to its gateway.
 * UPDATE_SCREENSHOTS=1 writes the screenshots docs/privacy-workbench.md shows.
 */
const REPOSITORY_ROOT = repositoryRoot();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
// The commit before the shared rules: the policy then denied tax officers Query.person.
const BEFORE_SHARED_RULES = 'fce0325';

let stack: Stack;
let workbench: RunningWorkbench;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. The workbench page is tested in a real browser; this test does not skip.`,
    );
  stack = await startStack();
  // The identity provider's public half, as the workbench would read it from AUTH_JWKS_FILE.
  const { d: _private, ...publicJwk } = await exportJWK(stack.issuerKey);
  workbench = await startWorkbench({
    gatewayUrl: stack.gatewayUrl,
    verifyToken: createBearerTokenVerifier({
      keys: createLocalJWKSet({ keys: [publicJwk] }),
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
    }),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  // Something for the log to show: a tax officer auditing a company's arrears.
  const audit = await stack.query(
    `{ company(uscc: "${stack.dataSet.fixtures.companyInArrears}") { name tax { arrears registeredOn } } }`,
    undefined,
    { as: { kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'] }, purpose: 'tax-audit' },
  );
  expect(audit.errors).toBeUndefined();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
  await stack?.close();
});

const PRIVACY_OFFICER = { kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] } as const;

/** The page, opened by nobody yet: the workbench's data waits for a token. */
async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  // Fail with playwright's message (what it waited for) well before the test's own timeout.
  page.setDefaultTimeout(8_000);
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(workbench.url) && !request.url().startsWith('blob:')) outside.push(request.url());
  });
  page.on('pageerror', (error) => outside.push(`page error: ${error.message}`));
  await page.goto(`${workbench.url}/privacy/`);
  (page as Page & { outside: string[] }).outside = outside;
  return page;
}

/** Pastes a token for these claims into the page's sign-in form, as an officer does. */
async function signIn(page: Page, claims: { kind: 'officer'; sub: string; roles: string[] }): Promise<void> {
  await page.fill('#token', await stack.tokenFor({ ...claims, roles: [...claims.roles] }));
  await page.click('#sign-in button[type="submit"]');
  await expect.poll(() => page.locator('#who').textContent()).toMatch(/^Signed in as officer /);
}

/** The page with a privacy officer signed in and the policy table loaded. */
async function openSignedIn(): Promise<Page> {
  const page = await openPage();
  await signIn(page, { ...PRIVACY_OFFICER, roles: [...PRIVACY_OFFICER.roles] });
  await page.locator('#policy-table tbody tr').first().waitFor();
  return page;
}

const outsideOf = (page: Page) => (page as Page & { outside: string[] }).outside;

describe('the privacy workbench page', () => {
  it('passes a WCAG 2.1 AA audit (axe-core) signed out, and on each tab signed in', async () => {
    const page = await openPage();
    const violations = { signedOut: await accessibilityViolations(page) } as Record<string, string[]>;
    await signIn(page, { ...PRIVACY_OFFICER, roles: [...PRIVACY_OFFICER.roles] });
    await page.locator('#policy-table tbody tr').first().waitFor();
    violations.policy = await accessibilityViolations(page);
    await page.click('button[data-tab="changes"]');
    await page.fill('#ref', BEFORE_SHARED_RULES);
    await page.click('#diff-form button[type="submit"]');
    await page.locator('#diff-table tbody tr').first().waitFor();
    violations.changes = await accessibilityViolations(page);
    await page.click('button[data-tab="log"]');
    await page.fill('#subject', stack.dataSet.fixtures.companyInArrears);
    await page.click('#log-search button[type="submit"]');
    await expect.poll(() => page.locator('#log-status').textContent()).toMatch(/records? \(of \d+ read/);
    violations.log = await accessibilityViolations(page);
    expect(violations).toEqual({ signedOut: [], policy: [], changes: [], log: [] });
    await page.close();
  });

  it('asks a visitor to sign in, and the workbench gives the policy, versions and changes to no one without a token', async () => {
    const page = await openPage();
    expect(await page.locator('#who').textContent()).toMatch(
      /^\s*Not signed in\. .*privacy officers: paste your token/s,
    );
    expect(await page.locator('#policy-status').textContent()).toBe('Sign in to see the policy.');
    expect(await page.locator('#policy-table tr').count()).toBe(0);
    await page.click('button[data-tab="changes"]');
    await page.fill('#ref', BEFORE_SHARED_RULES);
    await page.click('#diff-form button[type="submit"]');
    await expect.poll(() => page.locator('#diff-status').textContent()).toMatch(/^Sign in above/);
    for (const path of [
      '/privacy/policy.json',
      '/privacy/versions.json',
      `/privacy/diff.json?ref=${BEFORE_SHARED_RULES}`,
    ]) {
      const refused = await fetch(`${workbench.url}${path}`);
      expect(refused.status, path).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      // The citizen-facing gateway no longer serves the workbench at all.
      expect((await fetch(`${stack.gatewayUrl}${path}`)).status, path).toBe(404);
    }
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });

  it('shows the policy as a table per department, filtered by caller profile and field', async () => {
    const page = await openSignedIn();
    // Signed in: the token field gives way to the table; Sign out stays.
    expect(await page.locator('#token').isVisible()).toBe(false);
    expect(await page.locator('#sign-out').isVisible()).toBe(true);
    await page.selectOption('#department', 'tax');
    await page.selectOption('#profile', 'officer:tax-officer');
    const headers = await page.locator('#policy-table th').allTextContents();
    expect(headers).toEqual(['Field', 'Rule', 'tax-officer with a purpose']);
    const row = page.locator('#policy-table tr[data-field="Person.incomeTax"]');
    await expect
      .poll(() => row.locator('td').nth(2).textContent())
      .toMatch(/^allowed with purpose tax-audit or taxpayer-service$/);
    expect(await row.locator('td.rule').textContent()).toMatch(/^personOrTaxOfficer \(tax\.yaml:\d+\)$/);
    await page.fill('#field-filter', 'arrears');
    expect(await page.locator('#policy-table tbody tr').count()).toBe(1);
    await page.fill('#field-filter', '');
    await page.selectOption('#profile', '');
    if (SCREENSHOTS) await page.screenshot({ path: join(REPOSITORY_ROOT, 'docs', 'privacy-page-policy.png') });
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });

  it('shows what changed for whom since a committed version, and refuses a ref that is not plain', async () => {
    const page = await openSignedIn();
    await page.click('button[data-tab="changes"]');
    expect(await page.locator('#version option').count()).toBeGreaterThan(1);
    await page.fill('#ref', BEFORE_SHARED_RULES);
    await page.click('#diff-form button[type="submit"]');
    await page.locator('#diff-table tbody tr').first().waitFor();
    const rows = await page.locator('#diff-table tbody tr').allTextContents();
    expect(rows).toContain(
      'socialQuery.persontax-officer with a purposedeniedallowed with purpose tax-audit or taxpayer-service',
    );
    if (SCREENSHOTS) await page.screenshot({ path: join(REPOSITORY_ROOT, 'docs', 'privacy-page-diff.png') });

    await page.fill('#ref', '--output=/tmp/x');
    await page.click('#diff-form button[type="submit"]');
    await expect.poll(() => page.locator('#diff-status').textContent()).toMatch(/^BAD_REF: /);
    expect(await page.locator('#diff-table tr').count()).toBe(0);
    const refused = await fetch(`${workbench.url}/privacy/diff.json?ref=${encodeURIComponent('HEAD..main')}`, {
      headers: {
        authorization: `Bearer ${await stack.tokenFor({ ...PRIVACY_OFFICER, roles: [...PRIVACY_OFFICER.roles] })}`,
      },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'BAD_REF' } });
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });

  it('lets a signed-in privacy officer search the access log by subject, department and purpose, and export it', async () => {
    const page = await openPage();
    await page.click('button[data-tab="log"]');
    expect(await page.locator('#log-search').isVisible()).toBe(false);
    await signIn(page, { ...PRIVACY_OFFICER, roles: [...PRIVACY_OFFICER.roles] });
    expect(await page.locator('#who').textContent()).toMatch(/^Signed in as officer staff-0007 \(privacy-officer\)/);
    await page.fill('#subject', stack.dataSet.fixtures.companyInArrears);
    await page.selectOption('#log-department', 'tax');
    await page.selectOption('#log-purpose', 'tax-audit');
    await page.click('#log-search button[type="submit"]');
    await expect.poll(() => page.locator('#log-status').textContent()).toMatch(/^[1-9]\d* records? \(of \d+ read/);
    const rows = await page.locator('#log-table tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/taxofficer staff-0042 \(tax-officer\)tax-audit/);
    expect(rows.join('\n')).toContain('TaxProfile.arrears allowed');
    if (SCREENSHOTS) await page.screenshot({ path: join(REPOSITORY_ROOT, 'docs', 'privacy-page-log.png') });

    const download = page.waitForEvent('download');
    await page.click('#export-csv');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^access-log-.*\.csv$/);
    const csv = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(csv as Buffer[]).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'at,department,accessorKind,accessorId,roles,purpose,fields,requestId,policyVersion',
    );
    expect(text).toContain('"staff-0042"');

    // Another purpose: the same subject's tax-audit records are filtered out.
    await page.selectOption('#log-purpose', 'benefit-claim');
    await page.click('#log-search button[type="submit"]');
    await expect.poll(() => page.locator('#log-status').textContent()).toMatch(/^0 records \(of \d+ read/);
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });

  it('shows a caller without the privacy-officer role the refusal, no policy and no log', async () => {
    const page = await openPage();
    await signIn(page, { kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'] });
    await expect
      .poll(() => page.locator('#policy-status').textContent())
      .toMatch(
        /^FORBIDDEN: Only officers with the privacy-officer role .* Sign in above with a privacy officer's token/,
      );
    expect(await page.locator('#policy-status').getAttribute('class')).toBe('error');
    // Refused: the sign-in form is back, for another token.
    expect(await page.locator('#token').isVisible()).toBe(true);
    expect(await page.locator('#policy-table tr').count()).toBe(0);
    await page.click('button[data-tab="changes"]');
    await expect.poll(() => page.locator('#diff-status').textContent()).toMatch(/^FORBIDDEN: /);
    expect(await page.locator('#version option').count()).toBe(1);
    await page.click('button[data-tab="log"]');
    await page.fill('#subject', stack.dataSet.fixtures.companyInArrears);
    await page.click('#log-search button[type="submit"]');
    await expect.poll(() => page.locator('#log-status').textContent()).toMatch(/^Refused: .*\(FORBIDDEN\)/);
    expect(await page.locator('#log-table tr').count()).toBe(0);
    expect(await page.locator('#log-export').isVisible()).toBe(false);

    // Signing in again as a privacy officer brings the policy; signing out takes it away.
    await signIn(page, { ...PRIVACY_OFFICER, roles: [...PRIVACY_OFFICER.roles] });
    await page.click('button[data-tab="policy"]');
    await page.locator('#policy-table tbody tr').first().waitFor();
    expect(await page.locator('#department option').count()).toBe(
      new Set(await page.locator('#department option').allTextContents()).size,
    );
    await page.click('#sign-out');
    expect(await page.locator('#policy-table tr').count()).toBe(0);
    expect(await page.locator('#policy-status').textContent()).toBe('Sign in to see the policy.');
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });
});
