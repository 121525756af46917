/**
 * The access log's record model (docs/access-log.md; DESIGN.md, "Access log"): one record per
 * request per department, saying when, which department, who asked and why, under which version
 * of the policy, whose data with which fields (allowed or masked), and how many fields were
 * refused. Never a value: the store copies only these properties, so a value handed over by
 * mistake is not written.
 */
export type AccessDecision = 'allowed' | 'masked' | 'denied';

/** What a subject was given: refusals are counted per request, not recorded per subject. */
export type GivenDecision = Exclude<AccessDecision, 'denied'>;

export interface AccessCaller {
  kind: 'anonymous' | 'person' | 'company' | 'officer';
  sub: string | null;
  roles: string[];
  azp: string | null;
}

export interface AccessSubject {
  kind: 'person' | 'company';
  /** A well-formed resident ID or USCC, stored in canonical (upper-case) form. */
  id: string;
}

export interface FieldDecision {
  /** "Type.field", e.g. "SocialSecurityAccount.pensionBalance". */
  field: string;
  decision: AccessDecision;
}

/** One subject's part of a request: the personal fields it was given. */
export interface SubjectAccess extends AccessSubject {
  fields: Array<{ field: string; decision: GivenDecision }>;
}

/** How often a field was refused in one request (over every subject and list item). */
export interface DeniedCount {
  field: string;
  count: number;
}

/** What a subgraph hands over: one entry per request per department. */
export interface AccessEntry {
  /** ISO timestamp; stored in UTC as `Date.prototype.toISOString` writes it. */
  at: string;
  /** The gateway's id for the request. */
  requestId: string;
  /** The caller's own x-request-id, kept apart so a caller cannot choose the record's request id. */
  correlationId: string | null;
  /** market | tax | social | platform (kit knows no department, so any lower-case name). */
  department: string;
  caller: AccessCaller;
  purpose: string | null;
  /** The hash of the policy version that decided (its text is kept by this hash), or null. */
  policy: string | null;
  /** Subjects given personal data, each with its fields; may be empty when everything was refused. */
  subjects: SubjectAccess[];
  /** The request's refusals summed per field: a security event, not a record per subject. */
  denied: DeniedCount[];
}

/** A subject's part once stored: a random salt makes its digest in the record's hash unguessable. */
export interface StoredSubjectAccess extends SubjectAccess {
  salt: string;
}

/** An entry once written: its writer's chain, its place in it and the hashes that make tampering visible. */
export interface AccessRecord extends Omit<AccessEntry, 'subjects'> {
  /** The writer (subgraph process) whose hash chain holds the record. */
  chain: string;
  /** 1, 2, 3, ... within the chain. */
  seq: number;
  previousHash: string;
  hash: string;
  subjects: StoredSubjectAccess[];
}

/**
 * One record as it concerns one subject: what a person's own view, a privacy officer's search and
 * an export show.
 */
export type SubjectAccessRecord = Pick<
  AccessRecord,
  'chain' | 'seq' | 'hash' | 'at' | 'requestId' | 'correlationId' | 'department' | 'caller' | 'purpose' | 'policy'
> & {
  subject: AccessSubject;
  fields: FieldDecision[];
};
