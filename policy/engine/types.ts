import type { Caller } from '../../core/caller.js';
import type { Department } from '../../core/errors.js';

/**
 * The privacy policy's vocabulary, in one file so that nothing in it imports back: shared by the
 * engine (this folder), the rooms around it (load/, check/, explain/, test/), the subgraphs that
 * apply it and the tools privacy officers run (policy:check, policy:explain). See DESIGN.md,
 * "Privacy policy", and the README's section for privacy officers.
 */

/** Whose data a value is: a resident (by resident ID) or a company (by USCC). */
export interface Subject {
  kind: 'person' | 'company';
  id: string;
}

/**
 * Who a field's value is about, given its parent object and its arguments. A department
 * declares one per type (e.g. TaxProfile → the company; Shareholding → the holder AND the
 * company), and may refine one field with a "Type.field" entry (Company.legalRepresentative →
 * the company AND the person it leads to); rules like `self` and `companySelf` compare the
 * caller with these subjects, and the access log records the access under each of them.
 * Query fields take their subject from arguments (person(id:) → that person). Every subject
 * must be a well-formed resident ID or USCC: anything else is refused as BAD_USER_INPUT before
 * any decision, record or legacy call.
 */
export interface SubjectEntry<TParent = unknown> {
  /** E.g. "the holder and the company": shown by `npm run policy:explain`. */
  about: string;
  subjects(parent: TParent, args: Record<string, unknown>): readonly Subject[];
}

/** Every entry, by type name or "Type.field", as the engine reads them (declared with defineSubjects). */
export type SubjectResolvers = Readonly<Record<string, SubjectEntry>>;

/** How a masked value is shown. */
export type MaskStyle = 'phone' | 'address' | 'name' | 'idNumber';

/**
 * A predicate a policy file can name (builtInPredicates.ts lists them). Those taking no argument
 * are written as a bare word (`self`); `role` and `purpose` are written as a map key with the
 * names they accept (`{ role: tax-officer }`), and those names must be declared in privacy/roles.yaml.
 */
export interface BuiltInPredicate {
  name: string;
  /** What the predicate is given: nothing, role names or purpose names. */
  argument: 'none' | 'roles' | 'purposes';
  /** One line for privacy officers (privacy/README.md, policy:explain). */
  description: string;
  /**
   * What of the value's subjects `holds` reads beyond the caller: the field decider keeps a
   * decision per exactly that, so the items of a list that share it are decided once. A
   * predicate must not read more than it declares (builtInPredicates.test.ts holds each to it).
   */
  reads: SubjectReading;
  holds(input: DecisionInput, names: readonly string[]): boolean;
}

/**
 * What a predicate (or a field's whole rule) reads of the subjects of the value it decides on,
 * from least to most:
 * - 'nothing': the caller alone (its kind, roles, purpose): one decision for every item of a list;
 * - 'callerAmongSubjects': only whether the caller itself (its kind and ID) is one of the
 *   subjects (isCallerAmong): at most two decisions per field for a whole list;
 * - 'subjects': anything about them: one decision per distinct list of subjects.
 */
export type SubjectReading = 'nothing' | 'callerAmongSubjects' | 'subjects';

/** A rule expression as read from a policy file, before it is compiled to a function. */
export type PolicyExpression =
  | { kind: 'predicate'; predicate: BuiltInPredicate; names: readonly string[] }
  | { kind: 'rule'; name: string }
  | { kind: 'anyOf'; items: readonly PolicyExpression[] }
  | { kind: 'allOf'; items: readonly PolicyExpression[] }
  | { kind: 'not'; item: PolicyExpression };

/** What a field's line says: who sees the value, and who sees it masked (allow wins). */
export interface FieldRule {
  allow: PolicyExpression;
  mask?: { when: PolicyExpression; style: MaskStyle };
}

export type Decision = { effect: 'allow' } | { effect: 'mask'; style: MaskStyle } | { effect: 'deny' };

export interface DecisionInput {
  caller: Caller;
  subjects: readonly Subject[];
}

/** A department's policy file, checked and compiled: answers for every field of its schema. */
export interface CompiledPolicy {
  department: Department;
  /** The texts this policy was compiled from and their hash, recorded with every access it decides. */
  version: PolicyVersion;
  /** Decision for one field. Unclassified fields are denied; key fields and federation fields are allowed. */
  decide(typeName: string, fieldName: string, input: DecisionInput): Decision;
  /** True unless the field is `public`: such fields are personal data or business secrets (the access log records them). */
  isProtected(typeName: string, fieldName: string): boolean;
  /**
   * What the field's decision reads of the subjects (SubjectReading), so a decider may reuse it
   * for every value that agrees on that; absent in hand-built policies, where every distinct
   * list of subjects is decided on its own ('subjects').
   */
  reads?(typeName: string, fieldName: string): SubjectReading;
  /** The rules as written and where, for explaining a decision (policy:can); absent in hand-built policies. */
  sources?: PolicySources;
}

/** Each classified field's rule and each named rule (the department's and the shared ones), with file and line. */
export interface PolicySources {
  fields: ReadonlyMap<string, { rule: FieldRule; file: string; line: number }>;
  rules: ReadonlyMap<string, { expression: PolicyExpression; file: string; line: number }>;
}

/**
 * A policy version: the department's file and roles.yaml as read, by the SHA-256 of the canonical
 * JSON `document` holding both. The access log keeps each version it names, so an auditor can
 * read the very rule that decided (docs/access-log.md).
 */
export interface PolicyVersion {
  hash: string;
  department: string;
  document: string;
}

/** One problem in a policy file, pointing at the line a privacy officer must change. */
export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type PolicyLoadResult = { ok: true; policy: CompiledPolicy } | { ok: false; problems: PolicyProblem[] };

/** A file of a policy folder as policy:check reports it: its problems, none when it passed. */
export interface CheckedFile {
  file: string;
  /** The department, or null for roles.yaml, rules.yaml and unknown files. */
  department: Department | null;
  problems: PolicyProblem[];
}

/**
 * The roles and purposes privacy officers have declared in privacy/roles.yaml, each with its
 * one-line description. A policy may name only these, so a typo never silently denies.
 */
export interface PolicyRegistry {
  file: string;
  /** The file's text, part of every policy version (policyVersionOf). */
  text: string;
  roles: ReadonlyMap<string, string>;
  purposes: ReadonlyMap<string, string>;
}

export type RegistryLoadResult = { ok: true; registry: PolicyRegistry } | { ok: false; problems: PolicyProblem[] };

/**
 * One decision on a protected field, for the access log (DESIGN.md, "Access log"). It names
 * whose data and which field, never the value.
 */
export interface DecisionEvent {
  department: Department;
  typeName: string;
  fieldName: string;
  subjects: readonly Subject[];
  decision: Decision;
  protected: boolean;
  /** The hash of the policy version that decided (CompiledPolicy.version). */
  policy: string;
}

/**
 * The decisions on one protected field in one request that came out the same (the items of a
 * list, allowed alike), for the access log: one batch per field and decision instead of one
 * DecisionEvent per value. The decider adds the subjects of each further value it decides so,
 * so read a batch once the request's answer is complete (the access log reads it before the
 * answer leaves). Names whose data and which field, never the value.
 */
export interface DecisionBatch {
  department: Department;
  typeName: string;
  fieldName: string;
  decision: Decision;
  /** The hash of the policy version that decided (CompiledPolicy.version). */
  policy: string;
  /** The subjects of each value decided so, one list per value, in the order decided; a parent's fields share one list. */
  readonly subjectLists: ReadonlyArray<readonly Subject[]>;
}
