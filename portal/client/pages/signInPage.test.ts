// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../graphql.js';
import { loadSession } from '../session.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { signInPage } from './signInPage.js';

const FIXTURES = [
  { id: 'citizen', label: 'A citizen', about: 'represents two companies', kind: 'person' },
  { id: 'company', label: 'A company', about: 'in tax arrears', kind: 'company' },
];
const SESSION: Session = {
  token: 'token-of-the-citizen',
  kind: 'person',
  sub: '110105194912310021',
  label: 'A citizen',
  purpose: null,
  home: '#/me',
};

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
  sessionStorage.clear();
  location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sign-in page', () => {
  it('offers one button per fixture the portal lists', async () => {
    stubPortalServer({ fixtures: FIXTURES });
    const page = frame.show(await signInPage());
    expect(page.querySelector('h1')?.textContent).toBe('Sign in (development)');
    expect([...page.querySelectorAll('[data-fixture]')].map((button) => button.getAttribute('data-fixture'))).toEqual([
      'citizen',
      'company',
    ]);
    expect(page.querySelector('[data-fixture="company"]')?.textContent).toBe('A companyin tax arrears');
  });

  it('signs in with the fixture pressed: keeps the session for this tab and goes to its home page', async () => {
    const asked: string[] = [];
    stubPortalServer({
      fixtures: FIXTURES,
      token: (fixture) => {
        asked.push(fixture);
        return SESSION;
      },
    });
    const page = frame.show(await signInPage());
    page.querySelector<HTMLButtonElement>('[data-fixture="citizen"]')!.click();
    await vi.waitFor(() => expect(location.hash).toBe('#/me'));
    expect(asked).toEqual(['citizen']);
    expect(loadSession()).toEqual(SESSION);
  });

  it('says so when the sign-in is refused, and keeps no session', async () => {
    stubPortalServer({ fixtures: FIXTURES, token: () => null });
    const page = frame.show(await signInPage());
    page.querySelector<HTMLButtonElement>('[data-fixture="company"]')!.click();
    await vi.waitFor(() => expect(frame.notices.textContent).toBe('Sign-in failed.'));
    expect(loadSession()).toBeNull();
    expect(location.hash).toBe('');
  });

  it('points to the city’s identity provider where development sign-in is off', async () => {
    stubPortalServer({ fixtures: null });
    const page = frame.show(await signInPage());
    expect(page.querySelector('h1')?.textContent).toBe('Sign in');
    expect(page.textContent).toContain('sign in with the city’s identity provider');
    expect(page.querySelector('[data-fixture]')).toBeNull();
  });

  it('sets fixture labels as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.hacked = true">';
    stubPortalServer({ fixtures: [{ id: 'x', label: hostile, about: hostile, kind: 'person' }] });
    const page = frame.show(await signInPage());
    expect(document.querySelector('img')).toBeNull();
    expect(page.querySelector('[data-fixture="x"] strong')?.textContent).toBe(hostile);
  });
});
