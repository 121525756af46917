import type { AccessEntry, AccessSubject } from '../record/AccessEntry.js';
import { loadDataSet } from '../../legacy-mocks/data/index.js';

const { fixtures } = loadDataSet();

/** Named subjects from the deterministic data set (legacy-mocks/data/FIXTURES.md). */
export const SUBJECTS = {
  citizen: { kind: 'person', id: fixtures.multiRepresentative },
  employee: { kind: 'person', id: fixtures.employeeShareholder },
  companyInArrears: { kind: 'company', id: fixtures.companyInArrears },
} as const satisfies Record<string, AccessSubject>;

/**
 * One request's entry as the tax subgraph would hand it over: an officer given some of the
 * subjects' protected fields and refused one field twice.
 */
export function sampleEntry(
  requestId: string,
  subjects: readonly AccessSubject[] = [SUBJECTS.citizen],
  at = new Date().toISOString(),
): AccessEntry {
  return {
    at,
    requestId,
    correlationId: null,
    department: 'tax',
    caller: { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'], azp: 'tax-portal' },
    purpose: 'tax-audit',
    policy: null,
    subjects: subjects.map((subject) => ({
      kind: subject.kind,
      id: subject.id,
      fields: [
        { field: 'IncomeTaxReturn.income', decision: 'allowed' },
        { field: 'Person.name', decision: 'masked' },
      ],
    })),
    denied: [{ field: 'SocialSecurityAccount.pensionBalance', count: 2 }],
  };
}

/** A request touching three subjects: the shape the concurrency tests and the benchmarks append. */
export function sampleRequest(requestId: string): AccessEntry {
  return sampleEntry(requestId, [SUBJECTS.citizen, SUBJECTS.employee, SUBJECTS.companyInArrears]);
}
