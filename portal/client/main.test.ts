// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from './graphql.js';
import { loadSession, saveSession } from './session.js';
import { showPortalFrame } from './testing/showPortalFrame.js';
import { application, claimBenefit, MARKET_OFFICER, RESIDENT } from './testing/applicationFixtures.js';
import { stubPortalServer } from './testing/stubPortalServer.js';

const USCC = '91310000TESTCO001X';
const COMPANY: Session = {
  token: 'token-of-the-company',
  kind: 'company',
  sub: USCC,
  label: 'Test Co.',
  purpose: null,
  home: `#/company/${USCC}`,
};

let frame: ReturnType<typeof showPortalFrame>;

// The router takes the frame's elements once, when the script loads, as in the browser.
beforeAll(async () => {
  frame = showPortalFrame();
  stubPortalServer({ fixtures: null });
  await import('./main.js');
});
beforeEach(() => {
  saveSession(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Goes to a hash and waits until the router has put that route's page in place. */
async function visit(hash: string): Promise<HTMLElement> {
  location.hash = hash;
  await vi.waitFor(() => {
    expect(frame.app.dataset.route).toBe(location.hash);
    expect(frame.app.dataset.state).toBe('ready');
  });
  return frame.app;
}

function companyAnswer(uscc: string) {
  return {
    data: {
      company: {
        uscc,
        name: `Company ${uscc}`,
        legalForm: 'Limited liability company',
        status: 'ACTIVE' as const,
        establishedOn: '2015-03-02',
        registeredCapital: '1000000.00',
        address: '1 Test Road',
        businessScope: 'Software',
        legalRepresentativeName: 'Zhang San',
        shareholders: null,
        tax: null,
        socialInsurance: null,
      },
    },
  };
}

describe('router', () => {
  it('sends a visitor who is not signed in to the sign-in page', async () => {
    stubPortalServer({ fixtures: [{ id: 'citizen', label: 'A citizen', about: '', kind: 'person' }] });
    const app = await visit('#/');
    expect(app.querySelector('h1')?.textContent).toBe('Sign in (development)');
    expect(document.getElementById('session')?.textContent).toBe('Sign in');
  });

  it('opens a signed-in company on its own profile, and shows who is signed in', async () => {
    saveSession(COMPANY);
    const server = stubPortalServer({ graph: { CompanyProfile: ({ uscc }) => companyAnswer(String(uscc)) } });
    const app = await visit('#/home');
    expect(app.querySelector('[data-viewer]')?.getAttribute('data-viewer')).toBe('self');
    expect(server.sent.map((sent) => sent.variables.uscc)).toEqual([USCC]);
    expect(document.querySelector('[data-signed-in="company"]')?.textContent).toBe('Signed in: Test Co.');
  });

  it('reads the page and its argument from the hash, decoded', async () => {
    const server = stubPortalServer({ graph: { SearchCompanies: () => ({ data: { searchCompanies: [] } }) } });
    const app = await visit(`#/search/${encodeURIComponent('科技 有限')}`);
    expect(app.querySelector('h1')?.textContent).toBe('Companies named like “科技 有限”');
    expect(server.sent.map((sent) => sent.variables.name)).toEqual(['科技 有限']);
  });

  it('signs out: forgets the session and goes to the sign-in page', async () => {
    saveSession(COMPANY);
    stubPortalServer({ graph: { SearchCompanies: () => ({ data: { searchCompanies: [] } }) } });
    await visit('#/search/x');
    stubPortalServer({ fixtures: null });
    [...document.querySelectorAll<HTMLButtonElement>('#session button')]
      .find((button) => button.textContent === 'Sign out')!
      .click();
    expect(loadSession()).toBeNull();
    const app = await visit('#/sign-in');
    expect(app.querySelector('h1')?.textContent).toBe('Sign in');
  });

  it('says something went wrong when a page cannot be shown, rather than keeping the last one', async () => {
    stubPortalServer({});
    const app = await visit('#/company/%E0%A4%A');
    expect(app.querySelector('h1')?.textContent).toBe('Something went wrong');
  });

  it('drops a slow page once the reader has moved on', async () => {
    let answerFirst: (response: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      () =>
        new Promise<Response>((resolve) => {
          answerFirst = resolve;
        }),
    );
    location.hash = `#/company/${USCC}`;
    await vi.waitFor(() => expect(frame.app.dataset.state).toBe('loading'));
    const app = await visit('#/search/');
    // An answer read in microtasks only: once a macrotask has run, the slow page has finished.
    const answer = companyAnswer(USCC);
    answerFirst({ ok: true, status: 200, json: () => Promise.resolve(answer) } as Response);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.dataset.route).toBe('#/search/');
    expect(app.querySelector('h1')?.textContent).toBe('Search companies');
  });

  it('searches for the trimmed text of the search box', async () => {
    stubPortalServer({ graph: { SearchCompanies: () => ({ data: { searchCompanies: [] } }) } });
    (document.getElementById('search-input') as HTMLInputElement).value = '  a&b  ';
    document.getElementById('search-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(location.hash).toBe('#/search/a%26b');
    await visit('#/search/a%26b');
  });

  it('opens the services, a service’s form, my applications, an application and an officer’s queue by hash', async () => {
    saveSession(RESIDENT);
    const graph = {
      Matters: () => ({ data: { matters: [] } }),
      ServiceForm: () => ({ data: { matter: claimBenefit() } }),
      MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
      MyApplications: () => ({ data: { me: { id: RESIDENT.sub, applications: [] } } }),
      ApplicationProgress: () => ({ data: { application: application({ status: 'COMPLETED' }) } }),
      PendingDecisions: () => ({ data: { pendingDecisions: [] } }),
    };
    stubPortalServer({ graph });
    expect((await visit('#/services')).querySelector('h1')?.textContent).toBe('Services');
    expect((await visit('#/services/claim-benefit')).querySelector('h1')?.textContent).toBe('Claim benefit');
    expect((await visit('#/applications')).querySelector('h1')?.textContent).toBe('My applications');
    expect(document.querySelector('#session a[href="#/applications"]')?.textContent).toBe('My applications');
    expect(
      (await visit('#/application/app-1')).querySelector('[data-application]')?.getAttribute('data-application'),
    ).toBe('app-1');
    saveSession(MARKET_OFFICER);
    expect((await visit('#/decisions/market')).querySelector('[data-empty-queue]')).not.toBeNull();
    expect(document.querySelector('#session a[href="#/decisions/market"]')?.textContent).toBe('Decisions');
  });
});
