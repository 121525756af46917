// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphError } from '../graphql.js';
import { MARKET_OFFICER, pendingApproval, RESIDENT } from '../testing/applicationFixtures.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { decisionsPage } from './decisionsPage.js';

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function serveQueue(decideErrors: GraphError[] = []) {
  return stubPortalServer({
    graph: {
      PendingDecisions: () => ({
        data: { pendingDecisions: [pendingApproval('app-1:approve'), pendingApproval('app-2:approve')] },
      }),
      Decide: ({ step, approve, reason }) =>
        decideErrors.length > 0
          ? { data: { decide: null }, errors: decideErrors }
          : {
              data: {
                decide: {
                  id: String(step).split(':')[0]!,
                  status: approve ? 'RUNNING' : 'REFUSED',
                  reason: approve ? null : (reason ?? null),
                },
              },
            },
    },
  });
}

const card = (page: HTMLElement, step: string) => page.querySelector<HTMLElement>(`[data-decision="${step}"]`)!;
const press = (page: HTMLElement, step: string, action: 'approve' | 'refuse') =>
  card(page, step).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();

describe('the officers’ queue', () => {
  it('lists what waits for this department, with what the applicant typed in the form’s order and labels', async () => {
    const server = serveQueue();
    const page = frame.show(await decisionsPage('market', MARKET_OFFICER));
    expect(page.querySelector('h1')?.textContent).toBe('Decisions waiting: the market regulator (enterprise registry)');
    expect(page.textContent).toContain('stating the purpose market-supervision');
    expect([...page.querySelectorAll<HTMLElement>('[data-decision]')].map((entry) => entry.dataset.decision)).toEqual([
      'app-1:approve',
      'app-2:approve',
    ]);
    const answers = card(page, 'app-1:approve').querySelector('[data-answers]')!;
    // In the form's order, under its labels; an answer of no input the form has comes last, by its name.
    expect([...answers.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'The company’s name',
      'Taxpayer type',
      'formerInput',
    ]);
    expect(answers.querySelector('[data-answer="companyName"]')?.textContent).toBe('Harbour Tea Co., Ltd.');
    expect(server.sent[0]!.variables).toEqual({ department: 'market', first: 20 });
    // Every reason box has its own label.
    for (const box of page.querySelectorAll('textarea'))
      expect(page.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Reason');
  });

  it('approves a step: sends the decision, says so in the card and in the live region', async () => {
    const server = serveQueue();
    const page = frame.show(await decisionsPage('market', MARKET_OFFICER));
    press(page, 'app-1:approve', 'approve');
    await vi.waitFor(() => expect(card(page, 'app-1:approve').dataset.decided).toBe('approved'));
    expect(server.sent.filter((sent) => sent.operationName === 'Decide').map((sent) => sent.variables)).toEqual([
      { step: 'app-1:approve', approve: true },
    ]);
    expect(page.querySelector('[data-outcome]')?.textContent).toBe('Approved: Start a business app-1.');
    expect(card(page, 'app-2:approve').dataset.decided).toBeUndefined();
  });

  it('refuses only with a reason: without one it says so beside the reason and sends nothing', async () => {
    const server = serveQueue();
    const page = frame.show(await decisionsPage('market', MARKET_OFFICER));
    const reason = card(page, 'app-2:approve').querySelector('textarea')!;
    press(page, 'app-2:approve', 'refuse');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(reason.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(error.textContent).toContain('Say why the application is refused');
    expect(document.activeElement).toBe(reason);
    expect(server.sent.filter((sent) => sent.operationName === 'Decide')).toEqual([]);

    reason.value = '  The name is taken.  ';
    press(page, 'app-2:approve', 'refuse');
    await vi.waitFor(() => expect(card(page, 'app-2:approve').dataset.decided).toBe('refused'));
    expect(server.sent.filter((sent) => sent.operationName === 'Decide').map((sent) => sent.variables)).toEqual([
      { step: 'app-2:approve', approve: false, reason: 'The name is taken.' },
    ]);
  });

  it('shows why a decision was not taken, beside the reason when it is the reason', async () => {
    serveQueue([
      {
        message: 'Invalid reason: is longer than 500 characters.',
        path: ['decide'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
      },
      {
        message: 'The step was decided already.',
        path: ['decide'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'step' },
      },
    ]);
    const page = frame.show(await decisionsPage('market', MARKET_OFFICER));
    card(page, 'app-1:approve').querySelector('textarea')!.value = 'x';
    press(page, 'app-1:approve', 'refuse');
    const entry = card(page, 'app-1:approve');
    await vi.waitFor(() =>
      expect(entry.querySelector('[role="alert"]')?.textContent).toBe('The step was decided already.'),
    );
    expect(entry.querySelector('.field-error')?.textContent).toBe('Invalid reason: is longer than 500 characters.');
    expect(entry.dataset.decided).toBeUndefined();
  });

  it('says when nothing waits, and asks anyone but an officer to sign in as one', async () => {
    const server = stubPortalServer({ graph: { PendingDecisions: () => ({ data: { pendingDecisions: [] } }) } });
    expect(
      frame.show(await decisionsPage('social', MARKET_OFFICER)).querySelector('[data-empty-queue]'),
    ).not.toBeNull();
    expect(frame.show(await decisionsPage('market', RESIDENT)).textContent).toContain(
      'Sign in as an officer to decide applications.',
    );
    expect(server.sent).toHaveLength(1);
  });
});
