import { canonicalId } from '../ids.js';
import type { AccessCaller, AccessDecision, AccessEntry, AccessSubject, FieldDecision } from './AccessEntry.js';
import { toUtcTimestamp } from './toUtcTimestamp.js';

// Bounds keep one buggy caller from writing megabytes per record; real values are far shorter.
const MAX_TEXT = 200;
const MAX_ROLES = 50;
const MAX_FIELDS = 500;

const CALLER_KINDS: ReadonlySet<string> = new Set(['anonymous', 'person', 'company', 'officer']);
const DECISIONS: ReadonlySet<string> = new Set<AccessDecision>(['allowed', 'masked', 'denied']);
const DEPARTMENT = /^[a-z][a-z0-9-]{0,31}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A checked copy of an entry, holding only the properties the log defines: a field value passed
 * by mistake is dropped, never written. `at` becomes UTC in toISOString form and the subject's ID
 * its canonical upper-case form, so readBySubject finds it however it was typed. Throws a
 * TypeError naming the first problem (the entry comes from our own code, so this is a bug).
 */
export function normalizeAccessEntry(entry: AccessEntry): AccessEntry {
  if (typeof entry !== 'object' || entry === null) throw new TypeError('an access entry is an object');
  const at = toUtcTimestamp(entry.at, 'at');
  const requestId = text(entry.requestId, 'requestId');
  if (typeof entry.department !== 'string' || !DEPARTMENT.test(entry.department)) {
    throw new TypeError('department is a lower-case name such as "tax"');
  }
  return {
    at,
    requestId,
    department: entry.department,
    caller: toCaller(entry.caller),
    purpose: optionalText(entry.purpose, 'purpose'),
    subject: toSubject(entry.subject),
    fields: toFields(entry.fields),
  };
}

function toCaller(caller: AccessCaller): AccessCaller {
  if (typeof caller !== 'object' || caller === null) throw new TypeError('caller is an object');
  if (!CALLER_KINDS.has(caller.kind)) throw new TypeError('caller.kind is anonymous, person, company or officer');
  if (!Array.isArray(caller.roles) || caller.roles.length > MAX_ROLES) throw new TypeError(`caller.roles is a list of at most ${MAX_ROLES} names`);
  return {
    kind: caller.kind,
    sub: optionalText(caller.sub, 'caller.sub'),
    roles: caller.roles.map((role) => text(role, 'caller.roles[]')),
    azp: optionalText(caller.azp, 'caller.azp'),
  };
}

function toSubject(subject: AccessSubject): AccessSubject {
  if (typeof subject !== 'object' || subject === null) throw new TypeError('subject is an object');
  if (subject.kind !== 'person' && subject.kind !== 'company') throw new TypeError('subject.kind is person or company');
  return { kind: subject.kind, id: canonicalId(text(subject.id, 'subject.id')) };
}

function toFields(fields: FieldDecision[]): FieldDecision[] {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_FIELDS) {
    throw new TypeError(`fields is a list of 1 to ${MAX_FIELDS} decisions`);
  }
  return fields.map((item) => {
    if (typeof item !== 'object' || item === null) throw new TypeError('each of fields is an object');
    if (typeof item.field !== 'string' || !FIELD.test(item.field)) throw new TypeError('each field is named "Type.field"');
    if (!DECISIONS.has(item.decision)) throw new TypeError('each decision is allowed, masked or denied');
    return { field: item.field, decision: item.decision };
  });
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) {
    throw new TypeError(`${name} is a string of 1 to ${MAX_TEXT} characters`);
  }
  return value;
}

function optionalText(value: unknown, name: string): string | null {
  return value === null || value === undefined ? null : text(value, name);
}
