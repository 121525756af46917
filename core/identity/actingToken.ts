import { decodeJwt, jwtVerify, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import type { AuthenticatedCaller, CallerKind } from '../caller.js';
import { graphError } from '../errors.js';
import { residentIdProblem, usccProblem } from '../ids.js';
import { SIGNING_ALGORITHM } from './keyFiles.js';

/**
 * The issuer of the tokens the one-stop applications service signs when it acts for an applicant
 * (or for the officer who decided a step): the gateway tells them from an identity provider's by
 * this `iss`, checks them with the service's own public key, and lets them do only what the
 * matter they name needs (gateway/limitActingCallers.ts).
 */
export const ACTING_ISSUER = 'city-applications';
/** The development key pair of the applications service, made under data/keys like the others. */
export const APPLICATIONS_KEY_NAME = 'applications-service';
/** The `azp` the access log shows for every access the service made: "through the applications service". */
export const APPLICATIONS_AZP = 'one-stop-applications';
/** One call's worth: a token is signed for each department action and each pre-fill read. */
export const ACTING_TOKEN_TTL_SECONDS = 60;

const KINDS: ReadonlySet<string> = new Set(['person', 'company', 'officer']);
const NAME = /^[\w.:/-]{1,160}$/;
const ROLE = /^[a-z][a-z0-9-]{0,63}$/;
const STAFF_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Whom the service acts for, in which matter and application. */
export interface ActingFor {
  kind: CallerKind;
  /** A resident ID, a USCC or (for an officer's decided step) a staff id. */
  id: string;
  /** An officer's roles, as `decide` checked them; none for a resident or a company. */
  roles?: readonly string[];
  matter: string;
  application: string;
}

/** What a verified acting token says: the caller it stands for and what it was signed for. */
export interface ActingCaller {
  caller: AuthenticatedCaller;
  matter: string;
  application: string;
}

/** Signs one acting token for the gateway (`aud`), with the applications service's key. */
export async function signActingToken(
  actingFor: ActingFor,
  options: { key: CryptoKey; kid?: string; audience: string },
): Promise<string> {
  return new SignJWT({
    kind: actingFor.kind,
    ...(actingFor.kind === 'officer' ? { roles: [...(actingFor.roles ?? [])] } : {}),
    azp: APPLICATIONS_AZP,
    // RFC 8693's actor claim: who acts on the subject's behalf.
    act: { sub: 'applications' },
    matter: actingFor.matter,
    application: actingFor.application,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(ACTING_ISSUER)
    .setAudience(options.audience)
    .setSubject(actingFor.id)
    .setIssuedAt()
    .setExpirationTime(`${ACTING_TOKEN_TTL_SECONDS}s`)
    .sign(options.key);
}

/** True when a bearer token says the applications service signed it (nothing verified yet). */
export function isActingToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === ACTING_ISSUER;
  } catch {
    return false;
  }
}

/**
 * The gateway's check of an acting token: the service's signature, issuer, audience, a lifetime
 * of at most ACTING_TOKEN_TTL_SECONDS, and claims of the right form. UNAUTHENTICATED otherwise.
 */
export async function verifyActingToken(
  token: string,
  options: { keys: JWTVerifyGetKey; audience: string; clockSkewSeconds?: number },
): Promise<ActingCaller> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, options.keys, {
      issuer: ACTING_ISSUER,
      audience: options.audience,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['iat', 'exp', 'sub'],
      clockTolerance: options.clockSkewSeconds ?? 60,
    }));
  } catch {
    throw unauthenticated('the applications service token does not verify');
  }
  const { kind, sub, roles, matter, application, iat, exp } = payload;
  if ((exp as number) - (iat as number) > ACTING_TOKEN_TTL_SECONDS)
    throw unauthenticated(`an applications service token lives at most ${ACTING_TOKEN_TTL_SECONDS} seconds`);
  if (typeof kind !== 'string' || !KINDS.has(kind)) throw unauthenticated('the "kind" claim is not valid');
  if (typeof sub !== 'string') throw unauthenticated('the token has no "sub" claim');
  if (kind === 'person' && residentIdProblem(sub)) throw unauthenticated('"sub" must be a resident ID');
  if (kind === 'company' && usccProblem(sub)) throw unauthenticated('"sub" must be a USCC');
  if (kind === 'officer' && !STAFF_ID.test(sub)) throw unauthenticated('"sub" must be a staff id');
  if (typeof matter !== 'string' || !NAME.test(matter)) throw unauthenticated('the "matter" claim is not valid');
  if (typeof application !== 'string' || !NAME.test(application))
    throw unauthenticated('the "application" claim is not valid');
  const roleList = Array.isArray(roles) ? roles : [];
  if (!roleList.every((role) => typeof role === 'string' && ROLE.test(role)))
    throw unauthenticated('the "roles" claim must be a list of role names');
  if (kind !== 'officer' && roleList.length > 0) throw unauthenticated('only an officer holds roles');
  return {
    caller: {
      kind: kind as CallerKind,
      sub: kind === 'officer' ? sub : sub.toUpperCase(),
      roles: roleList as string[],
      azp: APPLICATIONS_AZP,
      purpose: null,
    },
    matter,
    application,
  };
}

function unauthenticated(reason: string) {
  return graphError('UNAUTHENTICATED', `Not authenticated: ${reason}.`);
}
