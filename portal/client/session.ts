import type { Session } from './graphql.js';

/** Where the tab keeps who is signed in (sessionStorage: gone when the tab closes, never sent anywhere). */
const SESSION_KEY = 'city-portal-session';

/** The tab's session, or null when no one is signed in (or what is kept cannot be read). */
export function loadSession(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

/** Keeps the session for this tab; null signs out. */
export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}
