/**
 * The reference portal's browser script: the router. Each page lives in pages/ (sign-in, citizen
 * dashboard, company profile, company search, services and their forms, my applications, an
 * application's progress, the officers' queue) and returns its content; this file picks the page
 * from the location's hash, shows who is signed in, and puts the page in place once it is ready.
 * Pages send only the portal's trusted documents (by hash) and are typed by their generated types
 * (examples/generated/client/). A department that is down costs only its own sections (errors.ts).
 */
import { button, h } from './dom.js';
import type { Session } from './graphql.js';
import { applicationPage } from './pages/applicationPage.js';
import { applicationsPage } from './pages/applicationsPage.js';
import { companyPage } from './pages/companyPage.js';
import { dashboardPage } from './pages/dashboardPage.js';
import { decisionsPage } from './pages/decisionsPage.js';
import { searchPage } from './pages/searchPage.js';
import { serviceFormPage } from './pages/serviceFormPage.js';
import { servicesPage } from './pages/servicesPage.js';
import { signInPage } from './pages/signInPage.js';
import { loadSession, saveSession } from './session.js';

const app = document.getElementById('app')!;
const notices = document.getElementById('notices')!;
const sessionBox = document.getElementById('session')!;

/** The page for a hash (`#/<page>/<argument>`); without one, the signed-in caller's home. */
function pageFor(hash: string, session: Session | null): Promise<HTMLElement[]> {
  const [, page = '', argument = ''] = hash.split('/');
  if (page === 'sign-in') return signInPage();
  if (page === 'me') return dashboardPage(session);
  if (page === 'company') return companyPage(decodeURIComponent(argument), session);
  if (page === 'search') return searchPage(decodeURIComponent(argument), session);
  if (page === 'services')
    return argument ? serviceFormPage(decodeURIComponent(argument), session) : servicesPage(session);
  if (page === 'applications') return applicationsPage(session);
  if (page === 'application') return applicationPage(decodeURIComponent(argument), session);
  if (page === 'decisions') return decisionsPage(decodeURIComponent(argument), session);
  if (session?.kind === 'person') return dashboardPage(session);
  if (session?.kind === 'company') return companyPage(session.sub, session);
  if (session) return searchPage('', session);
  return signInPage();
}

function renderSessionBox(session: Session | null): void {
  sessionBox.replaceChildren(
    ...(session
      ? [
          h('span', { 'data-signed-in': session.kind }, `Signed in: ${session.label}`),
          ...(session.kind === 'person'
            ? [
                h('a', { class: 'button', href: '#/me' }, 'My dashboard'),
                h('a', { class: 'button', href: '#/applications' }, 'My applications'),
              ]
            : []),
          ...(session.kind === 'officer' && session.home.startsWith('#/decisions/')
            ? [h('a', { class: 'button', href: session.home }, 'Decisions')]
            : []),
          button('Sign out', () => {
            saveSession(null);
            location.hash = '#/sign-in';
          }),
        ]
      : [h('a', { class: 'button', href: '#/sign-in' }, 'Sign in')]),
  );
}

/** Counts renders, so a slow page that finishes after the reader moved on is dropped. */
let rendering = 0;

async function route(): Promise<void> {
  const ticket = ++rendering;
  const hash = location.hash;
  const session = loadSession();
  renderSessionBox(session);
  notices.replaceChildren();
  app.dataset.state = 'loading';
  let content: HTMLElement[];
  try {
    content = await pageFor(hash, session);
  } catch {
    content = [h('h1', {}, 'Something went wrong'), h('p', {}, 'The page could not be shown. Try again.')];
  }
  if (ticket !== rendering) return;
  app.replaceChildren(...content);
  app.dataset.route = hash;
  app.dataset.state = 'ready';
  app.dataset.readyAt = String(Math.round(performance.now()));
}

document.getElementById('search-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  location.hash = `#/search/${encodeURIComponent(query)}`;
});
window.addEventListener('hashchange', () => void route());
void route();
