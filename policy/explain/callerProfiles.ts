import type { Caller } from '../../core/caller.js';
import type { PolicyRegistry, Subject } from '../engine/index.js';

/**
 * A kind of caller looking at a kind of data: a column of `npm run policy:explain`, and what
 * the end-to-end tests replay against the running graph (with real IDs in place of the
 * synthetic ones here) to check that enforcement says what the explanation says.
 */
export interface CallerProfile {
  /** Stable key: 'anonymous', 'citizen-own', 'officer:tax-officer', 'officer:tax-officer:no-purpose', ... */
  id: string;
  /** The column heading. */
  label: string;
  /** Who asks, with no purpose stated; explainField sets the purpose from `purposes`. */
  caller: Caller;
  /** Whose data the field is: the caller's own, or someone else's. */
  whose: 'own' | 'other';
  /** Who the field is about, as a department's subject resolver would say (synthetic IDs). */
  subjects: readonly Subject[];
  /**
   * The purposes the caller may state: every purpose declared in roles.yaml for an officer
   * "with a purpose" (per field, the one the policy accepts), or only none.
   */
  purposes: readonly (string | null)[];
  /** For officer profiles, the role. */
  role?: string;
}

/** Synthetic IDs: decide() only compares them, so they need not be valid resident IDs or USCCs. */
export const PROFILE_IDS = Object.freeze({
  resident: 'resident-self',
  otherResident: 'resident-other',
  company: 'company-self',
  otherCompany: 'company-other',
  officer: 'officer-staff',
});

const someoneElse: readonly Subject[] = Object.freeze([
  { kind: 'person', id: PROFILE_IDS.otherResident },
  { kind: 'company', id: PROFILE_IDS.otherCompany },
]);

/**
 * Every profile policy:explain shows, in column order: anonymous; a citizen and a company each
 * on their own and on someone else's data; and for each role in roles.yaml an officer with a
 * purpose the policy accepts and the same officer stating none.
 */
export function callerProfiles(registry: PolicyRegistry): CallerProfile[] {
  const nobody = [null] as const;
  const profiles: CallerProfile[] = [
    {
      id: 'anonymous',
      label: 'anonymous',
      caller: { kind: 'anonymous', purpose: null },
      whose: 'other',
      subjects: someoneElse,
      purposes: nobody,
    },
    {
      id: 'citizen-own',
      label: 'citizen — own data',
      caller: { kind: 'person', sub: PROFILE_IDS.resident, roles: [], azp: 'portal', purpose: null },
      whose: 'own',
      subjects: [{ kind: 'person', id: PROFILE_IDS.resident }],
      purposes: nobody,
    },
    {
      id: 'citizen-other',
      label: "citizen — someone else's",
      caller: { kind: 'person', sub: PROFILE_IDS.resident, roles: [], azp: 'portal', purpose: null },
      whose: 'other',
      subjects: someoneElse,
      purposes: nobody,
    },
    {
      id: 'company-own',
      label: 'company — own data',
      caller: { kind: 'company', sub: PROFILE_IDS.company, roles: [], azp: 'portal', purpose: null },
      whose: 'own',
      subjects: [{ kind: 'company', id: PROFILE_IDS.company }],
      purposes: nobody,
    },
    {
      id: 'company-other',
      label: "company — another's",
      caller: { kind: 'company', sub: PROFILE_IDS.company, roles: [], azp: 'portal', purpose: null },
      whose: 'other',
      subjects: someoneElse,
      purposes: nobody,
    },
  ];
  for (const role of registry.roles.keys()) {
    const caller: Caller = {
      kind: 'officer',
      sub: PROFILE_IDS.officer,
      roles: [role],
      azp: 'officer-console',
      purpose: null,
    };
    profiles.push(
      {
        id: `officer:${role}`,
        label: `${role} with a purpose`,
        caller,
        whose: 'other',
        subjects: someoneElse,
        purposes: [...registry.purposes.keys()],
        role,
      },
      {
        id: `officer:${role}:no-purpose`,
        label: `${role}, no purpose`,
        caller,
        whose: 'other',
        subjects: someoneElse,
        purposes: nobody,
        role,
      },
    );
  }
  return profiles;
}
