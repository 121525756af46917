import type { AccessEntry } from './AccessEntry.js';

/** Entries whose subjects their maker has vouched for (vouchForSubjects); held weakly, so nothing leaks. */
const vouched = new WeakSet<AccessEntry>();

/**
 * Marks an entry whose subjects were built by code that has already checked each of them, so the
 * store does not check them again one by one (normalizeAccessEntry): every subject's `id` is a
 * well-formed resident ID or USCC (the policy's field decider refuses any other with
 * BAD_USER_INPUT before it decides, records or calls a legacy system), each `field` is a
 * "Type.field" pair of GraphQL names and each decision `allowed` or `masked`. The kit's
 * AccessCollector builds its entries only from the decider's events, so it vouches for them.
 *
 * What is still checked for a vouched entry: everything outside the subjects as for any entry,
 * each subject's kind, the counts (subjects, fields), the canonical upper-case form of each ID and
 * that each subject is listed once. Returns the entry itself.
 */
export function vouchForSubjects<Entry extends AccessEntry>(entry: Entry): Entry {
  vouched.add(entry);
  return entry;
}

/** Whether vouchForSubjects vouched for this very object. */
export function subjectsAreVouchedFor(entry: AccessEntry): boolean {
  return vouched.has(entry);
}
