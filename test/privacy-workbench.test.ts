import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../subgraphs/kit/privacy/index.js';
import { startStack, type Stack } from './harness.js';

/**
 * The privacy officers' workbench at /privacy/, in a real browser: Debian's headless Chromium
 * (`apt-get install chromium`; .ci/run installs it), driven by playwright-core. The whole stack runs
 * on ephemeral ports. UPDATE_SCREENSHOTS=1 writes the screenshots docs/privacy-workbench.md shows.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
// The commit before the shared rules: the policy then denied tax officers Query.person.
const BEFORE_SHARED_RULES = 'fce0325';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. The workbench page is tested in a real browser; this test does not skip.`,
    );
  stack = await startStack();
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
  await stack?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  // Fail with playwright's message (what it waited for) well before the test's own timeout.
  page.setDefaultTimeout(8_000);
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(stack.gatewayUrl) && !request.url().startsWith('blob:')) outside.push(request.url());
  });
  page.on('pageerror', (error) => outside.push(`page error: ${error.message}`));
  await page.goto(`${stack.gatewayUrl}/privacy/`);
  await page.locator('#policy-table tbody tr').first().waitFor();
  (page as Page & { outside: string[] }).outside = outside;
  return page;
}

const outsideOf = (page: Page) => (page as Page & { outside: string[] }).outside;

describe('the privacy workbench page', () => {
  it('shows the policy as a table per department, filtered by caller profile and field', async () => {
    const page = await openPage();
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
    const page = await openPage();
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
    const refused = await fetch(`${stack.gatewayUrl}/privacy/diff.json?ref=${encodeURIComponent('HEAD..main')}`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'BAD_REF' } });
    expect(outsideOf(page)).toEqual([]);
    await page.close();
  });

  it('lets a signed-in privacy officer search the access log by subject, department and purpose, and export it', async () => {
    const page = await openPage();
    await page.click('button[data-tab="log"]');
    expect(await page.locator('#log-search').isVisible()).toBe(false);
    const token = await stack.tokenFor({ kind: 'officer', sub: 'staff-0007', roles: ['privacy-officer'] });
    await page.fill('#token', token);
    await page.click('#sign-in button[type="submit"]');
    await expect
      .poll(() => page.locator('#who').textContent())
      .toMatch(/^Signed in as officer staff-0007 \(privacy-officer\)/);
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

  it('shows a caller without the privacy-officer role the refusal and no log', async () => {
    const page = await openPage();
    await page.click('button[data-tab="log"]');
    const token = await stack.tokenFor({ kind: 'officer', sub: 'staff-0042', roles: ['tax-officer'] });
    await page.fill('#token', token);
    await page.click('#sign-in button[type="submit"]');
    await page.fill('#subject', stack.dataSet.fixtures.companyInArrears);
    await page.click('#log-search button[type="submit"]');
    await expect.poll(() => page.locator('#log-status').textContent()).toMatch(/^Refused: .*\(FORBIDDEN\)/);
    expect(await page.locator('#log-table tr').count()).toBe(0);
    expect(await page.locator('#log-export').isVisible()).toBe(false);
    await page.close();
  });
});
