import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_KEY_NAME,
  graphError,
  residentIdProblem,
  usccProblem,
  devKeyFiles,
  ensureDevKeyPair,
  readJwk,
  type AuthenticatedCaller,
  type Caller,
  type CallerKind,
} from '../core/index.js';
import { loadRegistry, REPOSITORY_ROOT, watchPolicy, type CompiledPolicy } from '../subgraphs/kit/index.js';

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
/**
 * The longest a token may live (`exp - iat`). A portal session token is renewed by the identity
 * provider; one that never expires (`exp: 1e20`) would outlive a withdrawn login for good. Officers
 * sign in once a working day.
 */
export const MAX_PORTAL_TOKEN_LIFETIME_S = 3_600;
export const MAX_OFFICER_TOKEN_LIFETIME_S = 12 * 3_600;
/** How far the identity provider's clock may be ahead of or behind ours, for `exp`, `nbf` and `iat`. */
export const CLOCK_SKEW_S = 60;

export interface IdentityOptions {
  /** Where the identity provider's public keys come from. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** The longest lifetime (`exp - iat`) of a person's or company's token, and of an officer's; seconds. */
  maxLifetimeSeconds?: { portal: number; officer: number };
  clockSkewSeconds?: number;
  /** privacy/roles.yaml, whose purposes X-Purpose may name; defaults to <PRIVACY_DIR or privacy/>/roles.yaml. */
  rolesFile?: string;
}

/** Checks one request's caller; `close` stops watching privacy/roles.yaml. */
export interface CallerVerifier {
  verify(authorization: string | undefined, purposeHeader: string | undefined): Promise<Caller>;
  close(): void;
}

/**
 * The identity settings from the environment (README, "Callers"): AUTH_JWKS_URL or AUTH_JWKS_FILE
 * in production, else the development issuer's key made on first start under data/keys.
 */
export async function identityFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<IdentityOptions> {
  const claims = {
    issuer: env.AUTH_ISSUER ?? DEV_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
    maxLifetimeSeconds: {
      portal: seconds(env, 'AUTH_MAX_TOKEN_LIFETIME_S', MAX_PORTAL_TOKEN_LIFETIME_S),
      officer: seconds(env, 'AUTH_MAX_OFFICER_TOKEN_LIFETIME_S', MAX_OFFICER_TOKEN_LIFETIME_S),
    },
    clockSkewSeconds: seconds(env, 'AUTH_CLOCK_SKEW_S', CLOCK_SKEW_S),
  };
  if (env.AUTH_JWKS_URL) return { keys: createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)), ...claims };
  if (env.AUTH_JWKS_FILE)
    return {
      keys: createLocalJWKSet(JSON.parse(readFileSync(env.AUTH_JWKS_FILE, 'utf8')) as JSONWebKeySet),
      ...claims,
    };
  const files = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
  return { keys: createLocalJWKSet({ keys: [readJwk(files.publicFile)] }), ...claims };
}

function seconds(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  if (!/^[0-9]{1,9}$/.test(value))
    throw new Error(`${variable} must be a whole number of seconds, not "${value.slice(0, 40)}".`);
  return Number(value);
}

export { devKeyFiles };

/**
 * Verifies the portal's `Authorization: Bearer <JWT>` once, at the edge: signature, expiry,
 * issuer, audience, a lifetime (`exp - iat`) within the kind's maximum, `iat` and `nbf` not in the
 * future beyond the clock skew, and the claims the graph relies on (`roles` only on officers).
 * No header is an anonymous caller; a bad token is UNAUTHENTICATED (HTTP 401) saying which check
 * failed, and nothing is fetched. X-Purpose must name a purpose of privacy/roles.yaml (BAD_REQUEST,
 * 400); the file is watched, so a purpose the privacy officers add is accepted within a second.
 */
export function createCallerVerifier(options: IdentityOptions): CallerVerifier {
  const maxLifetime = options.maxLifetimeSeconds ?? {
    portal: MAX_PORTAL_TOKEN_LIFETIME_S,
    officer: MAX_OFFICER_TOKEN_LIFETIME_S,
  };
  const skew = options.clockSkewSeconds ?? CLOCK_SKEW_S;
  const purposes = watchPurposes(
    options.rolesFile ?? join(process.env.PRIVACY_DIR ?? join(REPOSITORY_ROOT, 'privacy'), 'roles.yaml'),
  );
  // Signature checks were a large part of the gateway's CPU per request (bench/RESULTS.md); the
  // same token bytes verify the same way, so a portal user's next requests reuse the answer.
  const verified = new LRUCache<string, { caller: AuthenticatedCaller; expiresAt: number }>({ max: CACHED_TOKENS });
  const verify = async (authorization: string | undefined, purposeHeader: string | undefined): Promise<Caller> => {
    const purpose = readPurpose(purposeHeader, purposes.current());
    if (authorization === undefined || authorization === '') return { kind: 'anonymous', purpose };
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const known = verified.get(match[1]!);
    if (known && known.expiresAt > Date.now()) return { ...known.caller, purpose };
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
    const caller = toCaller(payload, purpose);
    checkLifetime(payload, caller.kind === 'officer' ? maxLifetime.officer : maxLifetime.portal, skew);
    verified.set(match[1]!, {
      caller,
      expiresAt: Math.min((payload.exp as number) * 1000, Date.now() + VERIFIED_FOR_MS),
    });
    return caller;
  };
  return { verify, close: purposes.close };
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

/**
 * The purposes privacy/roles.yaml declares, kept current: the file is watched (kit's watchPolicy),
 * and a change that fails the check leaves the last good list in force, as for the policies.
 */
function watchPurposes(file: string): { current(): ReadonlySet<string>; close(): void } {
  const first = loadRegistry(file);
  if (!first.ok) {
    const problems = first.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ');
    throw new Error(`${file} is not a valid registry of roles and purposes: ${problems}`);
  }
  let purposes: ReadonlySet<string> = new Set(first.registry.purposes.keys());
  let loaded: ReadonlySet<string> = purposes;
  const watcher = watchPolicy({
    file,
    // watchPolicy reloads policies; here the "policy" is the registry, read into `loaded` and handed on.
    load: () => {
      const result = loadRegistry(file);
      if (!result.ok) return result;
      loaded = new Set(result.registry.purposes.keys());
      return { ok: true, policy: {} as CompiledPolicy };
    },
    onChange: () => {
      purposes = loaded;
    },
    onRefused: () => {},
  });
  return { current: () => purposes, close: () => watcher.close() };
}

function toCaller(payload: Record<string, unknown>, purpose: string | null): AuthenticatedCaller {
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
    purpose,
  };
}

function readPurpose(header: string | undefined, declared: ReadonlySet<string>): string | null {
  if (header === undefined || header === '') return null;
  if (!PURPOSE_PATTERN.test(header))
    throw graphError(
      'BAD_REQUEST',
      'The X-Purpose header must be one purpose name, e.g. tax-audit (see privacy/roles.yaml).',
    );
  if (!declared.has(header)) {
    throw graphError(
      'BAD_REQUEST',
      `The X-Purpose header names no purpose declared in privacy/roles.yaml (declared: ${[...declared].join(', ')}).`,
    );
  }
  return header;
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
