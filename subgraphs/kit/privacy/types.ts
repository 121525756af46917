import type { Caller } from '../../../core/caller.js';
import type { Department } from '../../../core/errors.js';
import type { FieldRule, PolicyExpression } from './PolicyExpression.js';

/**
 * The privacy policy's vocabulary, shared by the engine (this folder), the subgraphs that apply
 * it and the tools privacy officers run (policy:check, policy:explain). See DESIGN.md,
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
export type { SubjectEntry, SubjectResolvers, TypedSubjects } from './defineSubjects.js';

/** How a masked value is shown. */
export type MaskStyle = 'phone' | 'address' | 'name' | 'idNumber';

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
