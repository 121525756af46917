import { h } from '../dom.js';
import type { Session } from '../graphql.js';
import { saveSession } from '../session.js';

/** A named fixture of the deterministic data set, as the portal's GET /dev/fixtures lists it. */
interface Fixture {
  id: string;
  label: string;
  about: string;
  kind: string;
}

/**
 * The development sign-in: one button per fixture the portal offers; pressing it has the
 * development issuer sign a token for that fixture. Where the portal offers none (the city's
 * identity provider is in use), the page says so.
 */
export async function signInPage(): Promise<HTMLElement[]> {
  const response = await fetch('/dev/fixtures');
  if (!response.ok)
    return [
      h('h1', {}, 'Sign in'),
      h('p', {}, 'Development sign-in is off here: sign in with the city’s identity provider.'),
    ];
  const fixtures = (await response.json()) as Fixture[];
  return [
    h('h1', {}, 'Sign in (development)'),
    h(
      'p',
      { class: 'muted' },
      'Pick a named fixture of the data set; the development issuer signs a token for it (1 hour).',
    ),
    h('div', { class: 'fixtures' }, fixtures.map(fixtureButton)),
    h('p', {}, h('a', { href: '#/search/科技' }, 'Or browse public company data without signing in.')),
  ];
}

function fixtureButton(fixture: Fixture): HTMLButtonElement {
  const choose = h(
    'button',
    { type: 'button', class: 'fixture', 'data-fixture': fixture.id },
    h('strong', {}, fixture.label),
    h('span', {}, fixture.about),
  );
  choose.addEventListener('click', () => void signIn(fixture.id));
  return choose;
}

/** Asks for the fixture's token, keeps the session for this tab and goes to its home page. */
async function signIn(fixture: string): Promise<void> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixture }),
  });
  if (!response.ok) {
    document.getElementById('notices')!.replaceChildren(h('div', { class: 'notice error' }, 'Sign-in failed.'));
    return;
  }
  const session = (await response.json()) as Session;
  saveSession(session);
  location.hash = session.home;
}
