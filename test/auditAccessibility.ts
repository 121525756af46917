import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, injected into the page under test (nothing fetched from a CDN). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the audit reads in the page: axe, once injected, and the document. */
interface PageGlobals {
  document: unknown;
  axe: {
    run(
      context: unknown,
      options: object,
    ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
  };
}

/** WCAG 2.1 level A and AA, the rules a city's forms must meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 AA rules on the page as it is now and returns each violation as
 * `rule: the first offending element (help text)`, so a failing test says what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, which the pages' Content-Security-Policy
  // (script-src 'self') does not govern: the page under test keeps its own policy.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    // This runs in the page; the test's own types know no DOM, so the page's globals are named here.
    const { axe, document } = globalThis as unknown as PageGlobals;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      target: JSON.stringify(violation.nodes[0]?.target ?? []),
    }));
  }, WCAG_21_AA);
  return violations.map((violation) => `${violation.id}: ${violation.target} (${violation.help})`);
}
