import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_APPLICATION, portalFixtures } from '../portal/devSignIn.js';
import { startPortal, type RunningPortal } from '../portal/server.js';
import type { RunningServer } from '../subgraphs/kit/index.js';
import { accessibilityViolations } from './auditAccessibility.js';
import { startStack, type Stack } from './harness.js';
import { startTrustedGateway } from './trustedGateway.js';

/**
 * The portal's one-stop applications in Debian's headless Chromium (playwright-core), against the
 * whole stack with the applications engine running in this process (its worker acting through the
 * stack's gateway with short retry timings) and the trusted documents in force for the portal:
 * a resident starts a business through the form, a market officer approves it in the queue, and
 * the status page reaches COMPLETED with the new company's USCC; one applied for while the social
 * security bureau's legacy system is down (its admin fault switch) waits with the reason and goes
 * on once it is back; a benefit claim shows its pre-filled values, is not sent while the bureau
 * is down, and a social security officer grants it. Every page shown passes the WCAG 2.1 AA audit.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** With PORTAL_SCREENSHOTS=<folder>, each audited page is also saved there as a PNG. */
const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS;
/** How long a page may take to reach a status the engine sets (its retries are short in tests). */
const STATUS_TIMEOUT_MS = 60_000;
/** Each journey: sign-ins, several pages, the engine's steps and an officer's decision. */
const JOURNEY_TIMEOUT_MS = 180_000;

let stack: Stack;
let gateway: RunningServer;
let portal: RunningPortal;
let browser: Browser;
/** Every body the pages sent to /graphql, to check they are all registered hashes. */
const sent: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. The portal is tested in a real browser; this test does not skip.`,
    );
  stack = await startStack({ applications: true, legacyTimeoutMs: 1_000 });
  gateway = await startTrustedGateway(stack, [PORTAL_APPLICATION]);
  portal = await startPortal({
    gatewayUrl: gateway.url,
    signIn: { fixtures: portalFixtures(stack.dataSet), sign: (claims) => stack.tokenFor(claims) },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await gateway?.close();
  await stack?.close();
});

/** A tab of its own (its own sessionStorage, so its own sign-in). */
async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A step that does not happen fails on its own line, well inside the journey's time.
  page.setDefaultTimeout(20_000);
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST')
      sent.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  return page;
}

/**
 * What the functions run in the page use of its globals: this file is type checked without the
 * DOM's types, and the page's Content-Security-Policy refuses strings evaluated as script.
 */
interface PageGlobals {
  location: { hash: string };
  document: {
    querySelector(selector: string): { textContent: string | null; dataset: Record<string, string | undefined> } | null;
    activeElement: { getAttribute(name: string): string | null } | null;
  };
}

/** Waits until the page has rendered the route it is on. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document, location } = globalThis as unknown as PageGlobals;
    const main = document.querySelector('main');
    return main?.dataset.state === 'ready' && main.dataset.route === location.hash;
  });
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(`${portal.url}/${hash}`);
  await ready(page);
}

async function signInAs(page: Page, fixture: string): Promise<void> {
  await go(page, '#/sign-in');
  await page.click(`[data-fixture="${fixture}"]`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.hash !== '#/sign-in');
  await ready(page);
}

let shots = 0;

/** Every page a city serves is for everyone: WCAG 2.1 AA (axe-core), checked on each page shown. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const route = new URL(page.url()).hash.replace(/[^A-Za-z0-9-]+/g, '-');
  await page.screenshot({
    path: join(SCREENSHOTS, `services-${String(++shots).padStart(2, '0')}${route}.png`),
    fullPage: true,
  });
}

/**
 * Waits until the application's page says it stands at one of `statuses` (the page asks every
 * 2 s); a page that never gets there fails with what it shows.
 */
async function statusReaches(page: Page, statuses: readonly string[]): Promise<string> {
  const line = page.locator('[data-application] .status-line');
  try {
    await page.waitForFunction(
      (wanted) => {
        const shown = (globalThis as unknown as PageGlobals).document.querySelector('[data-application] .status-line');
        return wanted.includes(shown?.dataset.status ?? '');
      },
      statuses,
      { timeout: STATUS_TIMEOUT_MS },
    );
  } catch (error) {
    const shown = await page.locator('main').innerText();
    throw new Error(`never ${statuses.join(' or ')}; the page shows:\n${shown}`, { cause: error });
  }
  return (await line.getAttribute('data-status')) ?? '';
}

/** Submits the form on the page and waits for the application's own page; answers its id. */
async function submitAndOpen(page: Page, submit: (page: Page) => Promise<void>): Promise<string> {
  await submit(page);
  try {
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.hash.startsWith('#/application/'));
  } catch (error) {
    const shown = await page.locator('[data-section="apply-form"]').innerText();
    throw new Error(`the application was not made; the form shows:\n${shown}`, { cause: error });
  }
  await ready(page);
  return decodeURIComponent(new URL(page.url()).hash.slice('#/application/'.length));
}

/** As an officer in a tab of their own: the queue's entry for the application, decided as told. */
async function decideInQueue(
  fixture: string,
  applicationId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<void> {
  const officer = await newPage();
  await signInAs(officer, fixture);
  const link = `a[href="#/application/${encodeURIComponent(applicationId)}"]`;
  const entry = officer.locator(`[data-decision]:has(${link})`);
  expect(await entry.count(), `the queue shows:\n${await officer.locator('#notices, main').allInnerTexts()}`).toBe(1);
  await expectAccessible(officer);
  if (!decision.approve) await entry.locator('textarea[name="reason"]').fill(decision.reason);
  await entry.locator(`[data-action="${decision.approve ? 'approve' : 'refuse'}"]`).click();
  const done = decision.approve ? 'approved' : 'refused';
  await officer.locator(`[data-decided="${done}"]:has(${link})`).waitFor();
  expect(await officer.locator('[data-outcome]').innerText()).toContain(decision.approve ? 'Approved' : 'Refused');
  await officer.close();
}

/** Fills the start-a-business form as a resident types it. */
async function fillStartABusiness(page: Page, companyName: string, registeredCapital: string): Promise<void> {
  await page.fill('[name="companyName"]', companyName);
  // One of the registry's own legal forms (its code table): the matter asks for it as text.
  await page.selectOption('[name="legalForm"]', '有限责任公司(自然人独资)');
  await page.fill('[name="registeredCapital"]', registeredCapital);
  await page.fill('[name="address"]', '8 Lantern Street');
  await page.fill('[name="businessScope"]', 'Tea and teaware');
  await page.selectOption('[name="taxpayerType"]', 'SMALL_SCALE');
  await page.fill('[name="firstContributionMonth"]', '2027-01');
}

const SUBMIT = '[data-section="apply-form"] button[type="submit"]';

describe('one-stop applications in the reference portal', () => {
  it(
    'a resident starts a business through the form; a market officer approves it; the page shows the new USCC',
    async () => {
      const page = await newPage();
      await signInAs(page, 'citizen');
      await go(page, '#/services');
      expect(await page.locator('[data-matter]').count()).toBeGreaterThanOrEqual(2);
      await expectAccessible(page);
      await page.click('[data-matter="start-a-business"] h2 a');
      await ready(page);
      expect(await page.locator('h1').innerText()).toBe('Start a business');
      // Start a business pre-fills nothing: every value is typed.
      expect(await page.locator('[data-section="prefill"]').count()).toBe(0);
      expect(await page.locator('[data-section="apply-form"] select[name="taxpayerType"]').count()).toBe(1);
      await expectAccessible(page);

      await fillStartABusiness(page, 'Harbour Lantern Tea Co., Ltd.', 'a lot');
      await page.click(SUBMIT);
      // Bad input is shown beside its field, which says it is invalid and has the focus.
      const capital = page.locator('[name="registeredCapital"]');
      await page.locator('[data-error-for="registeredCapital"]:not(:empty)').waitFor();
      expect(await capital.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('[data-error-for="registeredCapital"]').innerText()).toContain('Registered capital');
      const focused = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('name'),
      );
      expect(focused).toBe('registeredCapital');
      await expectAccessible(page);

      await capital.fill('100000.00');
      // A double click is one application: the form sends once, under one idempotency key.
      const id = await submitAndOpen(page, (tab) => tab.dblclick(SUBMIT));
      expect(await statusReaches(page, ['AWAITING_DECISION'])).toBe('AWAITING_DECISION');
      expect(await page.locator('[data-step="approve"]').getAttribute('data-step-status')).toBe('AWAITING_DECISION');
      await expectAccessible(page);

      await decideInQueue('market-officer', id, { approve: true });

      // The page has kept asking: it reaches COMPLETED by itself and shows the new company's USCC.
      expect(await statusReaches(page, ['COMPLETED', 'REFUSED', 'FAILED'])).toBe('COMPLETED');
      const uscc = await page.locator('[data-section="outputs"] [data-output="uscc"]').innerText();
      expect(uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(await page.locator('[data-step] [data-status="DONE"]').count()).toBe(
        await page.locator('[data-section="steps"] tbody tr').count(),
      );
      await expectAccessible(page);

      await go(page, '#/applications');
      expect(await page.locator(`[data-application="${id}"]`).count()).toBe(1);
      expect(await page.locator('[data-application]', { hasText: 'Start a business' }).count()).toBe(1);
      await expectAccessible(page);
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'a business applied for while the social security bureau is down waits with the reason, goes on once it is back, and a refusal shows why',
    async () => {
      const page = await newPage();
      await signInAs(page, 'citizen');
      await go(page, '#/services/start-a-business');
      await fillStartABusiness(page, 'Harbour Lantern Teaware Co., Ltd.', '50000.00');
      await stack.setFaults('social', { down: true });
      let id: string;
      try {
        id = await submitAndOpen(page, (tab) => tab.click(SUBMIT));
        expect(await statusReaches(page, ['WAITING'])).toBe('WAITING');
        expect((await page.locator('[data-application] .status-line [data-reason]').innerText()).trim()).not.toBe('');
        expect(await page.locator('[data-step="openEmployerAccount"]').getAttribute('data-step-status')).toBe(
          'WAITING',
        );
        await expectAccessible(page);
      } finally {
        await stack.resetLegacy();
      }
      // Back: the engine's next try goes through, and the registration waits for the market officer.
      expect(await statusReaches(page, ['AWAITING_DECISION', 'COMPLETED', 'REFUSED', 'FAILED'])).toBe(
        'AWAITING_DECISION',
      );
      const reason = 'A company of this name is already registered in the district.';
      await decideInQueue('market-officer', id, { approve: false, reason });
      expect(await statusReaches(page, ['COMPLETED', 'REFUSED', 'FAILED'])).toBe('REFUSED');
      expect(await page.locator('[data-application]').innerText()).toContain(reason);
      await expectAccessible(page);
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'a benefit claim shows what the departments know; while the social security bureau is down it is not sent, then the same form sends it once',
    async () => {
      const page = await newPage();
      await signInAs(page, 'citizen');
      await go(page, '#/services/claim-benefit');
      // Claim benefit pre-fills what the departments know, shown read-only with its labels.
      const prefill = page.locator('[data-section="prefill"]');
      expect(await prefill.innerText()).toContain('You do not type these: the departments already know them.');
      expect(await prefill.locator('dt').count()).toBeGreaterThan(0);
      expect(await prefill.locator('input, select, textarea').count()).toBe(0);
      await expectAccessible(page);

      await page.selectOption('[name="kind"]', 'UNEMPLOYMENT_BENEFIT');
      await page.fill('[name="bankAccount"]', '6222 0000 1111 2222');
      await stack.setFaults('social', { down: true });
      try {
        // The graph reads the claim's pre-filled values when it is made: without the bureau, nothing is written.
        await page.click(SUBMIT);
        const problem = page.locator('[data-section="apply-form"] [role="alert"]');
        await problem.locator('p').first().waitFor();
        expect(await problem.innerText()).toContain('the social security bureau is not answering');
        expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.hash)).toBe(
          '#/services/claim-benefit',
        );
        await expectAccessible(page);
      } finally {
        await stack.resetLegacy();
      }
      // The same form again, under the same key: one claim.
      const id = await submitAndOpen(page, (tab) => tab.click(SUBMIT));
      expect(await statusReaches(page, ['AWAITING_DECISION'])).toBe('AWAITING_DECISION');
      await expectAccessible(page);
      await decideInQueue('social-officer', id, { approve: true });
      expect(await statusReaches(page, ['COMPLETED', 'REFUSED', 'FAILED'])).toBe('COMPLETED');
      await go(page, '#/applications');
      expect(await page.locator('[data-application]', { hasText: 'Claim benefit' }).count()).toBe(1);
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('sent only registered hashes: no query text ever left the pages', () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const body of sent) {
      expect(body.query).toBeUndefined();
      expect(body.extensions).toMatchObject({
        persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
    }
  });
});
