import type { Refusal } from './answers.js';
import { byId } from './dom.js';

// The token stays in this page's memory: closing the tab signs out.
let token: string | null = null;
// Each sign-in or sign-out starts a new session; an answer that arrives for an older one is dropped.
let session = 0;

/** The signed-in officer's token, or null. */
export const currentToken = (): string | null => token;

/** Signs in with `next` (null: signs out) and starts a new session, so answers for the last one are dropped. */
export function startSession(next: string | null): void {
  token = next;
  session++;
}

/** A token's claims as the page shows them (not verified here: the workbench and the graph verify it). */
export interface Claims {
  kind?: string;
  sub?: string;
  roles?: string[];
}

/** The claims of a pasted JWT, or null when it is not three base64url parts. */
export function claimsOf(jwt: string): Claims | null {
  try {
    const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(payload));
    return claims && typeof claims === 'object' ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

/** The token field and its button, shown to sign in and hidden once signed in (Sign out stays). */
export function showSignIn(shown: boolean): void {
  byId('token-field').hidden = !shown;
  byId('sign-in-submit').hidden = !shown;
}

export type Reading<T> = { body: T } | { refused: string } | { stale: true };

/**
 * One of the workbench's JSON routes with the officer's token: `{ body }`, or `{ refused }` saying
 * why in words, from the workbench's `{ error }` (or an `{ errors }` answer); `{ stale }` when the
 * officer signed in or out while it was asked.
 */
export async function readWorkbench<T>(path: string): Promise<Reading<T>> {
  const asked = session;
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => null)) as (T & Refusal) | null;
  if (asked !== session) return { stale: true };
  if (response.ok && body) return { body };
  const error = body?.error ?? body?.errors?.[0];
  const code = error?.code ?? error?.extensions?.code ?? `HTTP ${response.status}`;
  const refusedCaller = response.status === 401 || response.status === 403;
  // The token is not good here: offer the sign-in form again, for another one.
  if (refusedCaller) showSignIn(true);
  const signIn = refusedCaller ? " Sign in above with a privacy officer's token (role privacy-officer)." : '';
  return { refused: `${code}: ${error?.message ?? response.statusText}${signIn}` };
}
