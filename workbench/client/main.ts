/**
 * The privacy workbench page (docs/privacy-workbench.md), bundled by the workbench's server at
 * start (workbench/server.ts). Plain DOM, no framework, nothing from another host; every text from
 * a server is set as text, never parsed as HTML. One module per concern: the officer's session
 * (session.ts), the policy table (policyTable.ts), the changes since a committed version
 * (policyDiff.ts) and the access log search (accessLog.ts).
 */
import { forgetAccessLog, installAccessLog } from './accessLog.js';
import { byId, inputOf, selectOf, showStatus } from './dom.js';
import { installPolicyDiff, loadVersions } from './policyDiff.js';
import { forgetPolicy, installPolicyTable, loadPolicy } from './policyTable.js';
import { claimsOf, showSignIn, startSession } from './session.js';

/**
 * The three views as WAI-ARIA tabs: a click or Enter picks one; the arrow keys, Home and End move
 * between them; only the chosen tab is in the Tab order.
 */
function installTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('.tab')];
  const choose = (tab: HTMLElement) => {
    for (const other of tabs) {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    }
    for (const panel of document.querySelectorAll<HTMLElement>('.panel')) panel.hidden = panel.id !== tab.dataset.tab;
  };
  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener('click', () => choose(tab));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = tabs[(next + tabs.length) % tabs.length]!;
      choose(target);
      target.focus();
    });
  }
}

/** Forgets what the last sign-in loaded: the policy, the versions, the changes and the choices made from them. */
function clearWorkbench(): void {
  forgetPolicy();
  for (const id of ['policy-table', 'diff-table', 'warnings']) byId(id).replaceChildren();
  selectOf('department').replaceChildren();
  // Keep each list's fixed first choices ("every caller profile", "any", "none stated", "a committed version…").
  for (const [id, fixed] of [
    ['profile', 1],
    ['log-department', 1],
    ['log-purpose', 2],
    ['version', 1],
  ] as const)
    while (selectOf(id).options.length > fixed) selectOf(id).remove(fixed);
  for (const id of ['policy-status', 'diff-status']) showStatus(id, '');
}

function signIn(event: SubmitEvent): void {
  event.preventDefault();
  const pasted = inputOf('token').value.trim();
  const claims = claimsOf(pasted);
  if (!claims) {
    byId('who').className = 'error';
    byId('who').textContent = 'That is not a token (three base64url parts separated by dots).';
    return;
  }
  startSession(pasted);
  inputOf('token').value = '';
  showStatus(
    'who',
    `Signed in as ${claims.kind} ${claims.sub}${claims.roles?.length ? ` (${claims.roles.join(', ')})` : ''}. The gateway decides what you may see.`,
  );
  byId('log-search').hidden = false;
  byId('sign-out').hidden = false;
  showSignIn(false);
  clearWorkbench();
  void Promise.all([loadPolicy(), loadVersions()]);
}

function signOut(): void {
  startSession(null);
  clearWorkbench();
  forgetAccessLog();
  byId('sign-out').hidden = true;
  showSignIn(true);
  byId('policy-status').textContent = 'Sign in to see the policy.';
  byId('who').textContent = 'Signed out.';
}

installTabs();
installPolicyTable();
installPolicyDiff();
installAccessLog();
byId<HTMLFormElement>('sign-in').addEventListener('submit', signIn);
byId('sign-out').addEventListener('click', signOut);
