import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthenticatedCaller, CallerKind } from '../caller.js';
import { graphError } from '../errors.js';
import { residentIdProblem, usccProblem } from '../ids.js';
import { DEV_ISSUER_KEY_NAME } from './developmentIssuer.js';
import { ensureDevKeyPair, readJwk } from './keyFiles.js';

/** Algorithms a portal's identity provider may sign with. Never "none", never a shared secret. */
const ACCEPTED_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];
const KINDS: ReadonlySet<string> = new Set(['person', 'company', 'officer']);
/** Staff ids are echoed into logs and tokens, so only plain short ones are taken. */
const STAFF_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const ROLE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
/** Tokens already verified, kept to their expiry but at most this long, so a key withdrawn from the JWKS stops working soon. */
const VERIFIED_FOR_MS = 5 * 60_000;
const CACHED_TOKENS = 10_000;
/**
 * The longest a token may live (`exp - iat`). A portal session token is renewed by the identity
 * provider; one that never expires (`exp: 1e20`) would outlive a withdrawn login for good. Officers
 * sign in once a working day.
 */
export const MAX_PORTAL_TOKEN_LIFETIME_S = 3_600;
export const MAX_OFFICER_TOKEN_LIFETIME_S = 12 * 3_600;
/** How far the identity provider's clock may be ahead of or behind ours, for `exp`, `nbf` and `iat`. */
export const CLOCK_SKEW_S = 60;

/** Whose tokens a piece accepts (README, "Callers"): the identity provider's keys and the claims it must sign. */
export interface TokenIssuerOptions {
  /** Where the identity provider's public keys come from (identityKeys). */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** The longest lifetime (`exp - iat`) of a person's or company's token, and of an officer's; seconds. */
  maxLifetimeSeconds?: { portal: number; officer: number };
  clockSkewSeconds?: number;
}

/**
 * Checks an `Authorization` header's bearer token: the caller it names (without a purpose, which
 * is the request's, not the token's), null when there is no header, or UNAUTHENTICATED (HTTP 401).
 */
export type BearerTokenVerifier = (authorization: string | undefined) => Promise<AuthenticatedCaller | null>;

/**
 * The identity provider's public keys, from the settings every piece that verifies callers reads
 * (AUTH_JWKS_URL or AUTH_JWKS_FILE); without either, the development issuer's key made on first
 * start under data/keys (production refuses that in each piece's settings).
 */
export async function identityKeys(source: { jwksUrl?: string; jwksFile?: string }): Promise<JWTVerifyGetKey> {
  if (source.jwksUrl) return createRemoteJWKSet(new URL(source.jwksUrl));
  if (source.jwksFile) return createLocalJWKSet(JSON.parse(readFileSync(source.jwksFile, 'utf8')) as JSONWebKeySet);
  const files = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
  return createLocalJWKSet({ keys: [readJwk(files.publicFile)] });
}

/**
 * Verifies a caller's `Authorization: Bearer <JWT>` once, at the edge, for every piece that takes
 * callers' tokens (the gateway, the privacy workbench): signature, expiry, issuer, audience, a
 * lifetime (`exp - iat`) within the kind's maximum, `iat` and `nbf` not in the future beyond the
 * clock skew, and the claims the graph relies on (`roles` only on officers). A bad token is
 * UNAUTHENTICATED saying which check failed; nothing is fetched.
 */
export function createBearerTokenVerifier(options: TokenIssuerOptions): BearerTokenVerifier {
  const maxLifetime = options.maxLifetimeSeconds ?? {
    portal: MAX_PORTAL_TOKEN_LIFETIME_S,
    officer: MAX_OFFICER_TOKEN_LIFETIME_S,
  };
  const skew = options.clockSkewSeconds ?? CLOCK_SKEW_S;
  // Signature checks were a large part of the gateway's CPU per request (bench/RESULTS.md); the
  // same token bytes verify the same way, so a portal user's next requests reuse the answer.
  const verified = new LRUCache<string, { caller: AuthenticatedCaller; expiresAt: number }>({ max: CACHED_TOKENS });
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const known = verified.get(match[1]!);
    if (known && known.expiresAt > Date.now()) return known.caller;
    let payload: Record<string, unknown>;
    try {
      // A token without an expiry would be good forever, one without iat of unknown lifetime: refuse both.
      ({ payload } = await jwtVerify(match[1]!, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        // jose checks the list from its end: a token lacking both hears about exp.
        requiredClaims: ['iat', 'exp'],
        clockTolerance: skew,
      }));
    } catch (error) {
      throw unauthenticated(whyRefused(error));
    }
    const caller = toCaller(payload);
    checkLifetime(payload, caller.kind === 'officer' ? maxLifetime.officer : maxLifetime.portal, skew);
    verified.set(match[1]!, {
      caller,
      expiresAt: Math.min((payload.exp as number) * 1000, Date.now() + VERIFIED_FOR_MS),
    });
    return caller;
  };
}

/** `iat` not in the future, and `exp - iat` at most `maxSeconds`: a token that never expires is refused. */
function checkLifetime(payload: Record<string, unknown>, maxSeconds: number, skew: number): void {
  const iat = payload.iat as number;
  const exp = payload.exp as number;
  if (iat > Date.now() / 1000 + skew)
    throw unauthenticated(
      `the token is issued in the future ("iat" is more than ${skew} seconds ahead of this graph's clock)`,
    );
  if (exp - iat > maxSeconds)
    throw unauthenticated(
      `the token lives longer than this graph accepts ("exp" - "iat" is over ${maxSeconds} seconds for this kind of caller)`,
    );
}

function toCaller(payload: Record<string, unknown>): AuthenticatedCaller {
  const { kind, sub, roles, azp } = payload;
  if (typeof kind !== 'string' || !KINDS.has(kind))
    throw unauthenticated('the "kind" claim must be person, company or officer');
  if (typeof sub !== 'string') throw unauthenticated('the token has no "sub" claim');
  if (kind === 'person' && residentIdProblem(sub))
    throw unauthenticated('a person\'s "sub" must be a valid resident ID');
  if (kind === 'company' && usccProblem(sub)) throw unauthenticated('a company\'s "sub" must be a valid USCC');
  if (kind === 'officer' && !STAFF_ID_PATTERN.test(sub))
    throw unauthenticated('an officer\'s "sub" must be a staff id (letters, digits, . _ -)');
  if (
    roles !== undefined &&
    (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && ROLE_PATTERN.test(role)))
  ) {
    throw unauthenticated('the "roles" claim must be a list of role names');
  }
  // Roles are an officer's: a person or company holding one would pass the policies' role checks.
  if (kind !== 'officer' && Array.isArray(roles) && roles.length > 0)
    throw unauthenticated(`a ${kind}'s token may not carry "roles"; only officers hold roles`);
  if (azp !== undefined && (typeof azp !== 'string' || !STAFF_ID_PATTERN.test(azp)))
    throw unauthenticated('the "azp" claim must name the portal application');
  return {
    kind: kind as CallerKind,
    sub: kind === 'officer' ? sub : sub.toUpperCase(),
    roles: (roles as string[] | undefined) ?? [],
    azp: (azp as string | undefined) ?? null,
    purpose: null,
  };
}

/** The failed check in words a portal developer can act on; jose's own text is not passed on. */
function whyRefused(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no "${error.claim}" claim`;
    if (error.claim === 'iss') return 'the token was issued by an issuer this graph does not trust';
    if (error.claim === 'aud') return 'the token is for another audience, not this graph';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's "${error.claim}" claim is not valid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return `the token's signing algorithm is not accepted (accepted: ${ACCEPTED_ALGORITHMS.join(', ')})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not verify";
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return 'the token is signed with a key this graph does not know';
  return 'the token is malformed';
}

function unauthenticated(reason: string) {
  return graphError('UNAUTHENTICATED', `Not authenticated: ${reason}.`);
}
