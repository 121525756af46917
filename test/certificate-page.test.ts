import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';
import { accessibilityViolations } from './auditAccessibility.js';

/**
 * The certificate pages in a real browser: Debian's headless Chromium (`apt-get install chromium`;
 * .ci/run installs it) driven by playwright-core, against the whole stack on ephemeral ports.
 * UPDATE_SCREENSHOTS=1 writes the screenshot the README and docs/certificates.md show.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS = new URL('../docs/', import.meta.url).pathname;

describe('the printable certificate and the verification page', () => {
  let stack: Stack;
  let browser: Browser;
  let seals: string;
  let previousSealDirectory: string | undefined;
  let file: string;
  let serial: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. The certificate pages are tested in a real browser; this test does not skip.`,
      );
    }
    seals = mkdtempSync(join(tmpdir(), 'seals-'));
    previousSealDirectory = process.env.SEAL_KEYS_DIR;
    process.env.SEAL_KEYS_DIR = seals;
    stack = await startStack();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    const uscc = stack.dataSet.companies.find((company) => company.tax.arrearsFen === 0)!.uscc;
    const issued = await stack.query<
      { issueTaxClearance: { serial: string; document: string; seal: string } },
      { uscc: string }
    >(
      'mutation Clear($uscc: ID!) { issueTaxClearance(uscc: $uscc) { serial document seal } }',
      { uscc },
      { as: { kind: 'company', sub: uscc } },
    );
    expect(issued.errors).toBeUndefined();
    const { document, seal } = issued.data!.issueTaxClearance;
    serial = issued.data!.issueTaxClearance.serial;
    file = JSON.stringify({ document, seal });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (previousSealDirectory === undefined) delete process.env.SEAL_KEYS_DIR;
    else process.env.SEAL_KEYS_DIR = previousSealDirectory;
    rmSync(seals, { recursive: true, force: true });
  });

  const origin = () => new URL(stack.gatewayUrl).origin;

  it('checks a certificate file as valid, a changed one as tampered, and one with a name twice as malformed', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin()}/certificates/verify?serial=${serial}`);
      await expect.poll(() => page.textContent('#serial-hint')).toContain(serial);
      await page.fill('#certificate', file);
      await page.click('#check');
      await expect.poll(() => page.textContent('#result')).toContain(`Valid: Issued by The tax bureau`);
      await page.fill('#certificate', file.replace('owes no overdue tax', 'owes no overdue taxes'));
      await page.click('#check');
      await expect.poll(() => page.getAttribute('#result', 'data-problem')).toBe('TAMPERED');
      // The document saved as an object with a name twice: the browser would keep the last; the page refuses it.
      const { document, seal } = JSON.parse(file) as { document: string; seal: string };
      const twice = document.replace('"arrears":"0.00"', '"arrears":"100.00","arrears":"0.00"');
      await page.fill('#certificate', `{"document":${twice},"seal":${JSON.stringify(seal)}}`);
      await page.click('#check');
      await expect.poll(() => page.getAttribute('#result', 'data-problem')).toBe('MALFORMED');
      await page.fill('#certificate', JSON.stringify({ document: twice, seal }));
      await page.click('#check');
      await expect.poll(() => page.textContent('#result')).toContain('Not valid (MALFORMED)');
    } finally {
      await page.close();
    }
  });

  it('prints a sealed certificate with its QR code, and prints it to PDF; an unsealed one is refused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${origin()}/certificates/verify`);
      await page.fill('#certificate', file);
      const [printed] = await Promise.all([context.waitForEvent('page'), page.click('button[type=submit]')]);
      await printed.waitForLoadState();
      expect(await printed.textContent('h1')).toBe('Tax clearance certificate');
      expect(await printed.textContent('[data-field=serial]')).toBe(serial);
      expect(await printed.locator('.qr svg').count()).toBe(1);
      expect(await printed.textContent('body')).toContain(`/certificates/verify?serial=${serial}`);
      // The issuer's revocations were asked through the graph: no notice that they could not be.
      expect(await printed.locator('[data-field=revocation]').count()).toBe(0);
      // A city's pages are for everyone: WCAG 2.1 AA (axe-core), the checking page and the printed certificate.
      expect({ verify: await accessibilityViolations(page), printed: await accessibilityViolations(printed) }).toEqual({
        verify: [],
        printed: [],
      });
      const pdf = await printed.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (SCREENSHOTS) await printed.screenshot({ path: join(DOCS, 'certificate-print.png'), fullPage: true });

      const forged = await page.request.post(`${origin()}/certificates/print`, {
        headers: { 'content-type': 'application/json' },
        data: file.replace('owes no overdue tax', 'owes nothing at all'),
      });
      expect(forged.status()).toBe(422);
      expect(await forged.text()).toContain('TAMPERED');
    } finally {
      await context.close();
    }
  });

  it('keeps the screenshot the docs show', () => {
    expect(readFileSync(join(DOCS, 'certificate-print.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
