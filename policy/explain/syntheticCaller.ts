import type { Caller } from '../../core/caller.js';
import type { Subject } from '../engine/index.js';
import { PROFILE_IDS } from './callerProfiles.js';

export type CallerKindName = 'anonymous' | 'person' | 'company' | 'officer';

// The same synthetic IDs as policy:explain's profiles, so a test case, a policy:can question and a column mean the same caller.
const SOMEONE_ELSE: readonly Subject[] = Object.freeze([
  { kind: 'person', id: PROFILE_IDS.otherResident },
  { kind: 'company', id: PROFILE_IDS.otherCompany },
]);

/** A caller as a policy test case or `policy:can` states it: a kind, roles (officers only) and a purpose. */
export function syntheticCaller(kind: CallerKindName, roles: readonly string[], purpose: string | null): Caller {
  switch (kind) {
    case 'anonymous':
      return { kind: 'anonymous', purpose };
    case 'person':
      return { kind, sub: PROFILE_IDS.resident, roles: [], azp: 'portal', purpose };
    case 'company':
      return { kind, sub: PROFILE_IDS.company, roles: [], azp: 'portal', purpose };
    case 'officer':
      return { kind, sub: PROFILE_IDS.officer, roles: [...roles], azp: 'officer-console', purpose };
  }
}

/** Whose data: the caller's own (a person's or a company's), or someone else's (a resident and a company). */
export function syntheticSubjects(caller: Caller, whose: 'own' | 'other'): readonly Subject[] {
  if (whose === 'other' || caller.kind === 'anonymous' || caller.kind === 'officer') return SOMEONE_ELSE;
  return [
    caller.kind === 'person'
      ? { kind: 'person', id: PROFILE_IDS.resident }
      : { kind: 'company', id: PROFILE_IDS.company },
  ];
}
