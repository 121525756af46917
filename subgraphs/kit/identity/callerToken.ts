import { jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { AuthenticatedCaller, Caller, CallerKind } from '../caller.js';
import { graphError } from '../errors.js';
import { SIGNING_ALGORITHM } from './keyFiles.js';

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
export async function signCallerToken(caller: Caller, options: { key: CryptoKey; kid?: string; department: string; requestId: string }): Promise<string> {
  const claims =
    caller.kind === 'anonymous'
      ? { kind: 'anonymous', purpose: caller.purpose }
      : { kind: caller.kind, roles: caller.roles, azp: caller.azp, purpose: caller.purpose };
  const jwt = new SignJWT({ ...claims, rid: options.requestId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(ISSUER)
    .setAudience(options.department)
    .setIssuedAt()
    .setExpirationTime(`${CALLER_TOKEN_TTL_SECONDS}s`);
  if (caller.kind !== 'anonymous') jwt.setSubject(caller.sub);
  return jwt.sign(options.key);
}

/** A subgraph's check of the gateway's token: the caller it names, or UNAUTHENTICATED (HTTP 401). */
export async function verifyCallerToken(token: string | undefined, options: { key: CryptoKey; department: string }): Promise<Caller> {
  if (!token) throw graphError('UNAUTHENTICATED', 'This subgraph answers only the gateway: the request carries no caller token.');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, options.key, { issuer: ISSUER, audience: options.department, algorithms: [SIGNING_ALGORITHM] }));
  } catch {
    throw graphError('UNAUTHENTICATED', 'This subgraph answers only the gateway: the caller token is not valid.');
  }
  const kind = payload.kind;
  const purpose = typeof payload.purpose === 'string' ? payload.purpose : null;
  if (typeof kind !== 'string' || !KINDS.has(kind)) throw graphError('UNAUTHENTICATED', 'The caller token names no kind of caller.');
  if (kind === 'anonymous') return { kind: 'anonymous', purpose };
  if (typeof payload.sub !== 'string') throw graphError('UNAUTHENTICATED', 'The caller token names no caller.');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
  const caller: AuthenticatedCaller = { kind: kind as CallerKind, sub: payload.sub, roles, azp: typeof payload.azp === 'string' ? payload.azp : null, purpose };
  return caller;
}
