import { randomBytes } from 'node:crypto';
import { canonicalId, residentIdProblem, usccProblem } from '../../core/ids.js';
import type {
  AccessCaller,
  AccessEntry,
  DeniedCount,
  GivenDecision,
  StoredSubjectAccess,
  SubjectAccess,
} from './AccessEntry.js';
import { toUtcTimestamp } from './toUtcTimestamp.js';
import { subjectsAreVouchedFor } from './vouchedSubjects.js';

// Bounds keep one buggy caller from writing megabytes per record; real values are far shorter.
const MAX_TEXT = 200;
const MAX_ROLES = 50;
const MAX_FIELDS = 500;
/** A request lists at most this many subjects: the gateway's page and cost limits keep real ones far below. */
export const MAX_SUBJECTS_PER_RECORD = 10_000;

const CALLER_KINDS: ReadonlySet<string> = new Set(['anonymous', 'person', 'company', 'officer']);
const GIVEN: ReadonlySet<string> = new Set<GivenDecision>(['allowed', 'masked']);
const DEPARTMENT = /^[a-z][a-z0-9-]{0,31}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
const POLICY_HASH = /^[0-9a-f]{64}$/;
/** Each subject's salt: 128 random bits, so its digest cannot be guessed by trying IDs. */
const SALT_BYTES = 16;

/** An entry as the store writes it: checked, subjects in canonical form, sorted and salted. */
export type NormalizedAccessEntry = Omit<AccessEntry, 'subjects'> & { subjects: StoredSubjectAccess[] };

/**
 * A checked copy of an entry, holding only the properties the log defines: a field value passed
 * by mistake is dropped, never written. `at` becomes UTC in toISOString form; each subject must be
 * a well-formed resident ID or USCC (canonical upper case), so no caller-made string becomes a
 * subject; subjects are sorted and each gets a fresh salt. Throws a TypeError naming the first
 * problem (the entry comes from our own code, so this is a bug).
 */
export function normalizeAccessEntry(entry: AccessEntry): NormalizedAccessEntry {
  if (typeof entry !== 'object' || entry === null) throw new TypeError('an access entry is an object');
  const at = toUtcTimestamp(entry.at, 'at');
  const requestId = text(entry.requestId, 'requestId');
  if (typeof entry.department !== 'string' || !DEPARTMENT.test(entry.department)) {
    throw new TypeError('department is a lower-case name such as "tax"');
  }
  if (
    entry.policy !== null &&
    entry.policy !== undefined &&
    (typeof entry.policy !== 'string' || !POLICY_HASH.test(entry.policy))
  ) {
    throw new TypeError('policy is the 64-digit hex hash of a policy version, or null');
  }
  const subjects = toSubjects(entry.subjects, subjectsAreVouchedFor(entry));
  const denied = toDenied(entry.denied);
  if (subjects.length === 0 && denied.length === 0)
    throw new TypeError('an entry lists at least one subject or one refusal');
  return {
    at,
    requestId,
    correlationId: optionalText(entry.correlationId, 'correlationId'),
    department: entry.department,
    caller: toCaller(entry.caller),
    purpose: optionalText(entry.purpose, 'purpose'),
    policy: entry.policy ?? null,
    subjects,
    denied,
  };
}

function toCaller(caller: AccessCaller): AccessCaller {
  if (typeof caller !== 'object' || caller === null) throw new TypeError('caller is an object');
  if (!CALLER_KINDS.has(caller.kind)) throw new TypeError('caller.kind is anonymous, person, company or officer');
  if (!Array.isArray(caller.roles) || caller.roles.length > MAX_ROLES)
    throw new TypeError(`caller.roles is a list of at most ${MAX_ROLES} names`);
  return {
    kind: caller.kind,
    sub: optionalText(caller.sub, 'caller.sub'),
    roles: caller.roles.map((role) => text(role, 'caller.roles[]')),
    azp: optionalText(caller.azp, 'caller.azp'),
  };
}

/**
 * The subjects checked, in canonical form, sorted, each with its salt. `vouched`: their maker
 * already checked each ID and field (record/vouchedSubjects.ts), so only the cheap checks remain.
 */
function toSubjects(subjects: SubjectAccess[], vouched: boolean): StoredSubjectAccess[] {
  if (!Array.isArray(subjects) || subjects.length > MAX_SUBJECTS_PER_RECORD)
    throw new TypeError(`subjects is a list of at most ${MAX_SUBJECTS_PER_RECORD}`);
  const seen = new Set<string>();
  // One draw from the random source per record, cut into a salt of 16 bytes for each subject:
  // each subject keeps a salt of its own (see StoredSubjectAccess), for the cost of one call.
  const salts = subjects.length > 0 ? randomBytes(SALT_BYTES * subjects.length).toString('hex') : '';
  const result = subjects.map((subject, i): StoredSubjectAccess => {
    if (typeof subject !== 'object' || subject === null) throw new TypeError('each subject is an object');
    if (subject.kind !== 'person' && subject.kind !== 'company')
      throw new TypeError('subject.kind is person or company');
    const id = vouched ? canonicalId(subject.id) : checkedId(subject);
    const key = `${subject.kind}:${id}`;
    if (seen.has(key)) throw new TypeError('each subject is listed once');
    seen.add(key);
    if (!Array.isArray(subject.fields) || subject.fields.length === 0 || subject.fields.length > MAX_FIELDS) {
      throw new TypeError(`a subject's fields are a list of 1 to ${MAX_FIELDS}`);
    }
    const fields = vouched
      ? subject.fields.map(({ field, decision }) => ({ field, decision }))
      : subject.fields.map(checkedField);
    return { kind: subject.kind, id, fields, salt: salts.slice(2 * SALT_BYTES * i, 2 * SALT_BYTES * (i + 1)) };
  });
  return result.sort((a, b) =>
    a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1,
  );
}

/** The subject's ID in canonical form, if it is a well-formed resident ID or USCC. */
function checkedId(subject: SubjectAccess): string {
  const id = canonicalId(text(subject.id, 'subject.id'));
  // The problem texts never repeat the ID, so this error is safe to log.
  const problem = subject.kind === 'person' ? residentIdProblem(id) : usccProblem(id);
  if (problem)
    throw new TypeError(
      `subject.id is not a well-formed ${subject.kind === 'person' ? 'resident ID' : 'USCC'}: ${problem}`,
    );
  return id;
}

function checkedField(item: { field: string; decision: GivenDecision }): { field: string; decision: GivenDecision } {
  if (typeof item !== 'object' || item === null) throw new TypeError('each of fields is an object');
  if (typeof item.field !== 'string' || !FIELD.test(item.field))
    throw new TypeError('each field is named "Type.field"');
  if (!GIVEN.has(item.decision))
    throw new TypeError("each subject's decision is allowed or masked (refusals are counted in denied)");
  return { field: item.field, decision: item.decision };
}

function toDenied(denied: DeniedCount[]): DeniedCount[] {
  if (!Array.isArray(denied) || denied.length > MAX_FIELDS)
    throw new TypeError(`denied is a list of at most ${MAX_FIELDS} counts`);
  return denied
    .map((item) => {
      if (typeof item !== 'object' || item === null) throw new TypeError('each of denied is an object');
      if (typeof item.field !== 'string' || !FIELD.test(item.field))
        throw new TypeError('each denied field is named "Type.field"');
      if (!Number.isSafeInteger(item.count) || item.count < 1)
        throw new TypeError('each denied count is a whole number from 1');
      return { field: item.field, count: item.count };
    })
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
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
