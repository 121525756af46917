import { join } from 'node:path';
import {
  CLOCK_SKEW_S,
  createBearerTokenVerifier,
  DEFAULT_PRIVACY_DIR,
  graphError,
  devKeyFiles,
  identityKeys,
  MAX_OFFICER_TOKEN_LIFETIME_S,
  MAX_PORTAL_TOKEN_LIFETIME_S,
  type Caller,
  type TokenIssuerOptions,
} from '../core/index.js';
import { isActingToken, verifyActingToken } from '../core/index.js';
import { loadRegistry, watchPolicy, type CompiledPolicy } from '../policy/index.js';
import type { ActingCallerOptions } from './actingCallers.js';

/** Purposes are echoed into logs and tokens, so only plain short ones are taken. */
const PURPOSE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
// The token's checks and their limits live in core/identity/verifyBearerToken.ts, shared with the privacy workbench.
export { CLOCK_SKEW_S, MAX_OFFICER_TOKEN_LIFETIME_S, MAX_PORTAL_TOKEN_LIFETIME_S };

export interface IdentityOptions extends TokenIssuerOptions {
  /** privacy/roles.yaml, whose purposes X-Purpose may name; defaults to privacy/roles.yaml (the gateway's config: PRIVACY_DIR). */
  rolesFile?: string;
  /** The one-stop applications service's tokens (gateway/actingCallers.ts); absent: refused as unknown. */
  acting?: ActingCallerOptions;
}

/** Checks one request's caller; `close` stops watching privacy/roles.yaml. */
export interface CallerVerifier {
  verify(authorization: string | undefined, purposeHeader: string | undefined): Promise<Caller>;
  close(): void;
}

/** Whose tokens the gateway accepts, as the settings give it: IdentityOptions but for the keys, not yet fetched. */
export interface IdentitySettings extends Omit<IdentityOptions, 'keys'> {
  /** The identity provider's published keys; neither: the development issuer's key under data/keys. */
  jwksUrl?: string;
  jwksFile?: string;
}

/** The identity options of the settings, their keys fetched (or the development key made). */
export async function identityOptions(settings: IdentitySettings): Promise<IdentityOptions> {
  const { jwksUrl, jwksFile, ...claims } = settings;
  const keys = await identityKeys({ ...(jwksUrl ? { jwksUrl } : {}), ...(jwksFile ? { jwksFile } : {}) });
  return { keys, ...claims };
}

export { devKeyFiles };

/**
 * Checks one request's caller at the edge: the bearer token as every piece checks it
 * (core/identity/verifyBearerToken.ts: signature, expiry, issuer, audience, lifetime, claims),
 * and X-Purpose, which must name a purpose of privacy/roles.yaml (BAD_REQUEST, 400); the file is
 * watched, so a purpose the privacy officers add is accepted within a second. No header is an
 * anonymous caller; a bad token is UNAUTHENTICATED (HTTP 401) saying which check failed.
 */
export function createCallerVerifier(options: IdentityOptions): CallerVerifier {
  const purposes = watchPurposes(options.rolesFile ?? join(DEFAULT_PRIVACY_DIR, 'roles.yaml'));
  const verifyToken = createBearerTokenVerifier(options);
  const verify = async (authorization: string | undefined, purposeHeader: string | undefined): Promise<Caller> => {
    const purpose = readPurpose(purposeHeader, purposes.current());
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (bearer && isActingToken(bearer)) return verifyActing(bearer, purpose);
    const caller = await verifyToken(authorization);
    return caller ? { ...caller, purpose } : { kind: 'anonymous', purpose };
  };
  // The applications service acting for an applicant or a deciding officer: its own key, its matter's scope.
  const verifyActing = async (token: string, purpose: string | null): Promise<Caller> => {
    if (!options.acting)
      throw graphError('UNAUTHENTICATED', 'Not authenticated: this graph does not take the applications service.');
    const { caller, matter, application } = await verifyActingToken(token, {
      keys: options.acting.keys,
      audience: options.audience,
      ...(options.clockSkewSeconds === undefined ? {} : { clockSkewSeconds: options.clockSkewSeconds }),
    });
    if (!options.acting.scopes.has(matter))
      throw graphError('UNAUTHENTICATED', `Not authenticated: the applications service names no known matter.`);
    return { ...caller, purpose, acting: { matter, application } };
  };
  return { verify, close: purposes.close };
}

/**
 * The purposes privacy/roles.yaml declares, kept current: the file is watched (the policy engine's watchPolicy),
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
