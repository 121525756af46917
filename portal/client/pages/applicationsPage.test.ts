// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { application, MARKET_OFFICER, RESIDENT } from '../testing/applicationFixtures.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { applicationsPage } from './applicationsPage.js';

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('my applications', () => {
  it('lists the resident’s applications newest first, each with its status, linked to its page', async () => {
    const server = stubPortalServer({
      graph: {
        MyApplications: () => ({
          data: {
            me: {
              id: RESIDENT.sub,
              applications: [
                { ...application({ id: 'app-2', status: 'REFUSED', reason: 'The name is taken.' }) },
                { ...application({ id: 'app-1', status: 'COMPLETED' }) },
              ],
            },
          },
        }),
      },
    });
    const page = frame.show(await applicationsPage(RESIDENT));
    const items = [...page.querySelectorAll<HTMLElement>('[data-application]')];
    expect(items.map((item) => item.dataset.application)).toEqual(['app-2', 'app-1']);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('#/application/app-2');
    expect(items[0]!.querySelector('[data-status]')?.textContent).toBe('Refused');
    expect(items[0]!.textContent).toContain('The name is taken.');
    expect(items[1]!.querySelector('[data-status]')?.getAttribute('data-status')).toBe('COMPLETED');
    expect(server.sent[0]!.variables).toEqual({ first: 50 });
  });

  it('points a resident with none to the services, and asks anyone else to sign in as a resident', async () => {
    const server = stubPortalServer({
      graph: { MyApplications: () => ({ data: { me: { id: RESIDENT.sub, applications: [] } } }) },
    });
    expect(frame.show(await applicationsPage(RESIDENT)).textContent).toContain(
      'You have not applied for anything yet.',
    );
    expect(frame.show(await applicationsPage(MARKET_OFFICER)).textContent).toContain(
      'Sign in as a resident to see your applications.',
    );
    expect(server.sent).toHaveLength(1);
  });
});
