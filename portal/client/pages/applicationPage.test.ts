// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationProgressQuery } from '../../../examples/generated/client/graphql.js';
import { application, RESIDENT } from '../testing/applicationFixtures.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { applicationPage, stepWords } from './applicationPage.js';

type Application = NonNullable<ApplicationProgressQuery['application']>;

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
  location.hash = '#/application/app-1';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Answers each ApplicationProgress with the next of `answers`, then the last one again. */
function serveInTurn(answers: Application[]) {
  let asked = 0;
  const server = stubPortalServer({
    graph: {
      ApplicationProgress: () => ({ data: { application: answers[Math.min(asked++, answers.length - 1)]! } }),
    },
  });
  return { server, asked: () => asked };
}

const statusLine = (page: HTMLElement) => page.querySelector<HTMLElement>('[role="status"][aria-live="polite"]')!;

describe('an application’s page', () => {
  it('shows where it stands, each step with its department, status, reason and time, and what was given', async () => {
    serveInTurn([
      application({
        status: 'COMPLETED',
        steps: [
          ...application().steps!.slice(0, 1),
          {
            name: 'openEmployerAccount',
            department: 'social',
            status: 'DONE',
            reason: null,
            at: '2026-12-07T10:00:03.000Z',
            outputs: [{ name: 'accountNumber', value: 'EA-42' }],
          },
        ],
      }),
    ]);
    const page = frame.show(await applicationPage('app-1', RESIDENT));
    expect(page.querySelector('h1')?.textContent).toBe('Start a business');
    expect(statusLine(page).dataset.status).toBe('COMPLETED');
    expect(statusLine(page).textContent).toBe('Status: Completed');
    const rows = [...page.querySelectorAll('[data-section="steps"] tbody tr')];
    expect(rows.map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent))).toEqual([
      ['Register', 'the market regulator (enterprise registry)', 'Done', '—'],
      ['Open employer account', 'the social security bureau', 'Done', '—'],
    ]);
    expect(rows[0]!.querySelector('td:last-child')?.textContent).not.toBe('—');
    const uscc = page.querySelector('[data-section="outputs"] [data-output="uscc"]')!;
    expect(uscc.textContent).toBe('91310000TESTCO001X');
    expect(uscc.getAttribute('href')).toBe('#/company/91310000TESTCO001X');
    expect(page.querySelector('[data-output="accountNumber"]')?.textContent).toBe('EA-42');
  });

  it('shows why it waits, and what an officer must still do by hand', async () => {
    serveInTurn([
      application({
        status: 'FAILED',
        reason: 'The social security bureau could not be reached for 2 days.',
        officerTasks: ['A social security officer must close the claim in the bureau’s system.'],
      }),
    ]);
    const page = frame.show(await applicationPage('app-1', RESIDENT));
    expect(statusLine(page).querySelector('[data-reason]')?.textContent).toBe(
      ' The social security bureau could not be reached for 2 days.',
    );
    expect(page.querySelector('[data-section="officer-tasks"] li')?.textContent).toContain('must close the claim');
  });

  it('asks again while it is not final, announces each new status once, and stops once it is', async () => {
    const waiting = application({
      status: 'WAITING',
      reason: 'The social security bureau is not answering; it is asked again.',
    });
    const { asked } = serveInTurn([
      waiting,
      waiting,
      application({ status: 'AWAITING_DECISION' }),
      application({ status: 'COMPLETED' }),
    ]);
    const page = frame.show(await applicationPage('app-1', RESIDENT, { pollMs: 5 }));
    const line = statusLine(page);
    expect(line.dataset.status).toBe('WAITING');
    // What the live region says each time it is written: the same status again is not written again.
    const announced: string[] = [];
    new MutationObserver(() => announced.push(line.textContent ?? '')).observe(line, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await vi.waitFor(() => expect(line.dataset.status).toBe('COMPLETED'));
    expect(announced).toEqual(['Status: Awaiting an officer’s decision', 'Status: Completed']);
    const settled = asked();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).toBe(settled);
    expect(settled).toBe(4);
  });

  it('stops asking once the reader has moved on', async () => {
    const { asked } = serveInTurn([application({ status: 'AWAITING_DECISION' })]);
    frame.show(await applicationPage('app-1', RESIDENT, { pollMs: 5 }));
    await vi.waitFor(() => expect(asked()).toBeGreaterThanOrEqual(2));
    location.hash = '#/applications';
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = asked();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).toBe(after);
  });

  it('keeps what it showed and tries again when a check fails', async () => {
    const answers = [
      { data: { application: application({ status: 'AWAITING_DECISION' }) } },
      { data: null, errors: [{ message: 'The portal cannot be reached.', extensions: { code: 'NETWORK' } }] },
      { data: { application: application({ status: 'COMPLETED' }) } },
    ];
    let asked = 0;
    stubPortalServer({ graph: { ApplicationProgress: () => answers[Math.min(asked++, answers.length - 1)]! } });
    const page = frame.show(await applicationPage('app-1', RESIDENT, { pollMs: 5 }));
    const notes: string[] = [];
    const refreshed = page.querySelector('[data-refreshed]')!;
    new MutationObserver(() => notes.push(refreshed.textContent ?? '')).observe(refreshed, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    await vi.waitFor(() => expect(statusLine(page).dataset.status).toBe('COMPLETED'));
    expect(notes[0]).toBe('Could not check just now; trying again.');
    expect(page.querySelectorAll('[data-section="steps"] tbody tr')).toHaveLength(2);
  });

  it('says so when there is no such application of the caller’s, and asks a visitor to sign in', async () => {
    stubPortalServer({ graph: { ApplicationProgress: () => ({ data: { application: null } }) } });
    expect(frame.show(await applicationPage('app-9', RESIDENT)).textContent).toContain(
      'There is no application app-9 of yours.',
    );
    expect(frame.show(await applicationPage('app-9', null)).textContent).toContain(
      'Sign in to follow your application.',
    );
  });

  it('writes a step’s name in words', () => {
    expect(stepWords('registerTaxpayer')).toBe('Register taxpayer');
    expect(stepWords('approve')).toBe('Approve');
  });
});
