/**
 * Who is asking, as verified once at the gateway (see DESIGN.md, "Callers"). Resolvers and
 * rules receive this; none of them reads a header or a token.
 */
export type CallerKind = 'person' | 'company' | 'officer';

export interface AuthenticatedCaller {
  kind: CallerKind;
  /** A resident ID for a person, a USCC for a company, a staff id for an officer. */
  sub: string;
  roles: readonly string[];
  /** The portal application the caller came through. */
  azp: string | null;
  /** Why an officer looks (the X-Purpose header), if stated. */
  purpose: string | null;
  /**
   * Set when the one-stop applications service acts for this caller (core/identity/actingToken.ts):
   * the matter and application it acts in. The gateway lets it run only that matter's steps.
   */
  acting?: { matter: string; application: string };
}

export type Caller = AuthenticatedCaller | { kind: 'anonymous'; purpose: string | null };

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous', purpose: null });
