import { jwtVerify, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthenticatedCaller, Caller, CallerKind } from '../caller.js';
import { graphError } from '../errors.js';
import { SIGNING_ALGORITHM } from './keyFiles.js';

/** What a subgraph checks caller tokens with: one key, or the gateway's published set picked by kid. */
export type GatewayVerificationKey = CryptoKey | JWTVerifyGetKey;

/** The header that carries the gateway's word on who is calling, to each subgraph. */
export const CALLER_TOKEN_HEADER = 'x-caller-token';
const ISSUER = 'city-graph-gateway';
/** Long enough for one request's fetches, short enough that a copied token is soon useless. */
export const CALLER_TOKEN_TTL_SECONDS = 60;

const KINDS: ReadonlySet<string> = new Set(['person', 'company', 'officer', 'anonymous']);

/**
 * The gateway signs the caller it verified (or "anonymous") for one department, so a subgraph
 * trusts only the gateway: a request that did not come through it carries no valid token.
 */
export async function signCallerToken(
  caller: Caller,
  options: { key: CryptoKey; kid?: string; department: string },
): Promise<string> {
  const claims =
    caller.kind === 'anonymous'
      ? { kind: 'anonymous', purpose: caller.purpose }
      : { kind: caller.kind, roles: caller.roles, azp: caller.azp, purpose: caller.purpose };
  // No request id inside: it travels in x-request-id, and leaving it out lets a token be reused.
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(ISSUER)
    .setAudience(options.department)
    .setIssuedAt()
    .setExpirationTime(`${CALLER_TOKEN_TTL_SECONDS}s`);
  if (caller.kind !== 'anonymous') jwt.setSubject(caller.sub);
  return jwt.sign(options.key);
}

/** A subgraph's check of the gateway's token: the caller it names, or UNAUTHENTICATED (HTTP 401). */
export async function verifyCallerToken(
  token: string | undefined,
  options: { key: GatewayVerificationKey; department: string },
): Promise<Caller> {
  if (!token)
    throw graphError('UNAUTHENTICATED', 'This subgraph answers only the gateway: the request carries no caller token.');
  let payload: Record<string, unknown>;
  try {
    const checks = { issuer: ISSUER, audience: options.department, algorithms: [SIGNING_ALGORITHM] };
    // A function picks the gateway's key by the token's kid (a published key set); a key is one fixed key.
    ({ payload } =
      typeof options.key === 'function'
        ? await jwtVerify(token, options.key, checks)
        : await jwtVerify(token, options.key, checks));
  } catch {
    throw graphError('UNAUTHENTICATED', 'This subgraph answers only the gateway: the caller token is not valid.');
  }
  const kind = payload.kind;
  const purpose = typeof payload.purpose === 'string' ? payload.purpose : null;
  if (typeof kind !== 'string' || !KINDS.has(kind))
    throw graphError('UNAUTHENTICATED', 'The caller token names no kind of caller.');
  if (kind === 'anonymous') return { kind: 'anonymous', purpose };
  if (typeof payload.sub !== 'string') throw graphError('UNAUTHENTICATED', 'The caller token names no caller.');
  const roles = Array.isArray(payload.roles)
    ? payload.roles.filter((role): role is string => typeof role === 'string')
    : [];
  const caller: AuthenticatedCaller = {
    kind: kind as CallerKind,
    sub: payload.sub,
    roles,
    azp: typeof payload.azp === 'string' ? payload.azp : null,
    purpose,
  };
  return caller;
}

/** How many distinct callers' tokens are kept, per gateway or subgraph process. */
const CACHED_TOKENS = 10_000;
/** A signed token is reused for half its life, so it always has at least 30 s left when sent. */
const REUSE_FOR_MS = (CALLER_TOKEN_TTL_SECONDS * 1000) / 2;

/**
 * Signs caller tokens, reusing one per caller, purpose and department for half its lifetime:
 * ECDSA signing was the gateway's largest cost under load (bench/RESULTS.md), and a portal user
 * sends many requests in a row. The token says only who asks, so reuse reveals nothing new.
 */
export function createCallerTokenSigner(options: { key: CryptoKey; kid?: string }) {
  const cache = new LRUCache<string, Promise<string>>({ max: CACHED_TOKENS, ttl: REUSE_FOR_MS });
  return (caller: Caller, department: string): Promise<string> => {
    // The kid is part of the key: after a rotation the next request is signed with the new key.
    const cacheKey = `${options.kid ?? ''}\u0000${department}\u0000${JSON.stringify(caller)}`;
    let token = cache.get(cacheKey);
    if (!token) {
      token = signCallerToken(caller, { ...options, department });
      cache.set(cacheKey, token);
      // A failed signature must not be reused.
      token.catch(() => cache.delete(cacheKey));
    }
    return token;
  };
}

/**
 * verifyCallerToken with the answers for tokens already verified kept until they expire: the
 * same bytes carry the same valid signature, so only the expiry needs checking again.
 */
export function createCallerTokenVerifier(options: { key: GatewayVerificationKey; department: string }) {
  const cache = new LRUCache<string, { caller: Caller; expiresAt: number }>({ max: CACHED_TOKENS });
  return async (token: string | undefined): Promise<Caller> => {
    const known = token ? cache.get(token) : undefined;
    if (known && known.expiresAt > Date.now()) return known.caller;
    const caller = await verifyCallerToken(token, options);
    const expiresAt = expiryOf(token!);
    if (expiresAt !== null) cache.set(token!, { caller, expiresAt });
    return caller;
  };
}

function expiryOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}
