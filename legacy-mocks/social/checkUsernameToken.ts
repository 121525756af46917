import { createHash, timingSafeEqual } from 'node:crypto';
import type { SocialCredentials } from './socialCredentials.js';
import { fieldOf } from './fieldOf.js';
import { socialFault } from './socialFault.js';

const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/**
 * Checks the WS-Security header (wsse:Security/wsse:UsernameToken, PasswordText) of one call and
 * throws the fault that says what is wrong: E1001 missing, E1003 not PasswordText, E1002 wrong.
 * `security` is the header as the soap package parsed it; a password with a Type attribute
 * arrives as { attributes: { Type }, $value }.
 */
export function checkUsernameToken(security: unknown, credentials: SocialCredentials): true {
  const token = fieldOf(security, 'UsernameToken');
  const username = textOf(fieldOf(token, 'Username'));
  const passwordElement = fieldOf(token, 'Password');
  const password = textOf(passwordElement);
  if (username === null || password === null) throw socialFault('E1001');
  const type = fieldOf(fieldOf(passwordElement, 'attributes'), 'Type');
  // Type is optional in the profile and then means PasswordText.
  if (type !== undefined && type !== PASSWORD_TEXT) throw socialFault('E1003');
  // Both checks always run, and on digests, so the answer time says nothing about which part was wrong.
  const usernameMatches = sameSecret(username, credentials.username);
  const passwordMatches = sameSecret(password, credentials.password);
  if (!usernameMatches || !passwordMatches) throw socialFault('E1002');
  return true;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const inner = fieldOf(value, '$value');
  return typeof inner === 'string' ? inner : null;
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}
