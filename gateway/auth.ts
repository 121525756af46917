import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { graphError, residentIdProblem, usccProblem, type AuthenticatedCaller, type Caller, type CallerKind } from '../subgraphs/kit/index.js';
import { devKeyFiles, ensureDevKeyPair, readJwk } from '../subgraphs/kit/identity/keyFiles.js';

/** Algorithms a portal's identity provider may sign with. Never "none", never a shared secret. */
const ACCEPTED_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];
const KINDS: ReadonlySet<string> = new Set(['person', 'company', 'officer']);
/** Staff ids and purposes are echoed into logs and tokens, so only plain short ones are taken. */
const STAFF_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const PURPOSE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
const ROLE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
/** Tokens already verified, kept to their expiry but at most this long, so a key withdrawn from the JWKS stops working soon. */
const VERIFIED_FOR_MS = 5 * 60_000;
const CACHED_TOKENS = 10_000;

export interface IdentityOptions {
  /** Where the identity provider's public keys come from. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** The development identity provider's settings: the issuer `npm run token` signs as. */
export const DEV_ISSUER = 'city-graph-dev-issuer';
export const DEFAULT_AUDIENCE = 'city-graph';
export const DEV_ISSUER_KEY_NAME = 'dev-issuer';

/**
 * The identity settings from the environment (README, "Callers"): AUTH_JWKS_URL or AUTH_JWKS_FILE
 * in production, else the development issuer's key made on first start under data/keys.
 */
export async function identityFromEnvironment(): Promise<IdentityOptions> {
  const issuer = process.env.AUTH_ISSUER ?? DEV_ISSUER;
  const audience = process.env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE;
  if (process.env.AUTH_JWKS_URL) return { keys: createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL)), issuer, audience };
  if (process.env.AUTH_JWKS_FILE) return { keys: createLocalJWKSet(JSON.parse(readFileSync(process.env.AUTH_JWKS_FILE, 'utf8')) as JSONWebKeySet), issuer, audience };
  const files = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
  return { keys: createLocalJWKSet({ keys: [readJwk(files.publicFile)] }), issuer, audience };
}

export { devKeyFiles };

/**
 * Verifies the portal's `Authorization: Bearer <JWT>` once, at the edge: signature, expiry,
 * issuer, audience and the claims the graph relies on. No header is an anonymous caller; a bad
 * token is UNAUTHENTICATED (HTTP 401) saying which check failed, and nothing is fetched.
 */
export function createCallerVerifier(options: IdentityOptions) {
  // Signature checks were a large part of the gateway's CPU per request (bench/RESULTS.md); the
  // same token bytes verify the same way, so a portal user's next requests reuse the answer.
  const verified = new LRUCache<string, { caller: AuthenticatedCaller; expiresAt: number }>({ max: CACHED_TOKENS });
  return async function verifyCaller(authorization: string | undefined, purposeHeader: string | undefined): Promise<Caller> {
    const purpose = readPurpose(purposeHeader);
    if (authorization === undefined || authorization === '') return { kind: 'anonymous', purpose };
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const known = verified.get(match[1]!);
    if (known && known.expiresAt > Date.now()) return { ...known.caller, purpose };
    let payload: Record<string, unknown>;
    try {
      // A token without an expiry would be good forever: refuse it.
      ({ payload } = await jwtVerify(match[1]!, options.keys, { issuer: options.issuer, audience: options.audience, algorithms: ACCEPTED_ALGORITHMS, requiredClaims: ['exp'] }));
    } catch (error) {
      throw unauthenticated(whyRefused(error));
    }
    const caller = toCaller(payload, purpose);
    if (typeof payload.exp === 'number') verified.set(match[1]!, { caller, expiresAt: Math.min(payload.exp * 1000, Date.now() + VERIFIED_FOR_MS) });
    return caller;
  };
}

function toCaller(payload: Record<string, unknown>, purpose: string | null): AuthenticatedCaller {
  const { kind, sub, roles, azp } = payload;
  if (typeof kind !== 'string' || !KINDS.has(kind)) throw unauthenticated('the "kind" claim must be person, company or officer');
  if (typeof sub !== 'string') throw unauthenticated('the token has no "sub" claim');
  if (kind === 'person' && residentIdProblem(sub)) throw unauthenticated('a person\'s "sub" must be a valid resident ID');
  if (kind === 'company' && usccProblem(sub)) throw unauthenticated('a company\'s "sub" must be a valid USCC');
  if (kind === 'officer' && !STAFF_ID_PATTERN.test(sub)) throw unauthenticated('an officer\'s "sub" must be a staff id (letters, digits, . _ -)');
  if (roles !== undefined && (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && ROLE_PATTERN.test(role)))) {
    throw unauthenticated('the "roles" claim must be a list of role names');
  }
  if (azp !== undefined && (typeof azp !== 'string' || !STAFF_ID_PATTERN.test(azp))) throw unauthenticated('the "azp" claim must name the portal application');
  return {
    kind: kind as CallerKind,
    sub: kind === 'officer' ? sub : sub.toUpperCase(),
    roles: (roles as string[] | undefined) ?? [],
    azp: (azp as string | undefined) ?? null,
    purpose,
  };
}

function readPurpose(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (!PURPOSE_PATTERN.test(header)) throw graphError('BAD_REQUEST', 'The X-Purpose header must be one purpose name, e.g. tax-audit (see privacy/roles.yaml).');
  return header;
}

/** The failed check in words a portal developer can act on; jose's own text is not passed on. */
function whyRefused(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token was issued by an issuer this graph does not trust';
    if (error.claim === 'aud') return 'the token is for another audience, not this graph';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's "${error.claim}" claim is not valid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return `the token's signing algorithm is not accepted (accepted: ${ACCEPTED_ALGORITHMS.join(', ')})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'the token is signed with a key this graph does not know';
  return 'the token is malformed';
}

function unauthenticated(reason: string) {
  return graphError('UNAUTHENTICATED', `Not authenticated: ${reason}.`);
}
