/**
 * One access to personal data, as the access log keeps it (DESIGN.md, "Access log"): when, which
 * department, who asked and why, whose data, which fields and what was decided. Never a value:
 * the store copies only these properties, so a value handed over by mistake is not written.
 */
export type AccessDecision = 'allowed' | 'masked' | 'denied';

export interface AccessCaller {
  kind: 'anonymous' | 'person' | 'company' | 'officer';
  sub: string | null;
  roles: string[];
  azp: string | null;
}

export interface AccessSubject {
  kind: 'person' | 'company';
  /** A resident ID or a USCC, stored in canonical (upper-case) form. */
  id: string;
}

export interface FieldDecision {
  /** "Type.field", e.g. "SocialSecurityAccount.pensionBalance". */
  field: string;
  decision: AccessDecision;
}

/** What a subgraph hands over: one entry per subject per department per request. */
export interface AccessEntry {
  /** ISO timestamp; stored in UTC as `Date.prototype.toISOString` writes it. */
  at: string;
  requestId: string;
  /** market | tax | social | platform (kit knows no department, so any lower-case name). */
  department: string;
  caller: AccessCaller;
  purpose: string | null;
  subject: AccessSubject;
  fields: FieldDecision[];
}

/** An entry once written: its place in the chain and the hashes that make tampering visible. */
export interface AccessRecord extends AccessEntry {
  seq: number;
  previousHash: string;
  hash: string;
}
