import type { Caller } from '../../core/caller.js';
import type { Subject } from './types.js';

/**
 * Whether the caller itself is one of a value's subjects: a person by their resident ID, a
 * company by its USCC (an officer or an anonymous caller never is). It is all `self` and
 * `companySelf` read of the subjects ('callerAmongSubjects'), so the field decider keys their
 * decisions by it instead of by every subject's ID.
 */
export function isCallerAmong(caller: Caller, subjects: readonly Subject[]): boolean {
  if (caller.kind !== 'person' && caller.kind !== 'company') return false;
  for (const subject of subjects) if (subject.kind === caller.kind && subject.id === caller.sub) return true;
  return false;
}
