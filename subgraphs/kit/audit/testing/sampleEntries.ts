import type { AccessEntry } from '../AccessEntry.js';
import { loadDataSet } from '../../../../legacy-mocks/data/index.js';

const { fixtures } = loadDataSet();

/** Named subjects from the deterministic data set (legacy-mocks/data/FIXTURES.md). */
export const SUBJECTS = {
  citizen: { kind: 'person', id: fixtures.multiRepresentative },
  employee: { kind: 'person', id: fixtures.employeeShareholder },
  companyInArrears: { kind: 'company', id: fixtures.companyInArrears },
} as const;

/** One entry as the tax subgraph would hand it over: an officer reading a subject's protected fields. */
export function sampleEntry(requestId: string, subject: AccessEntry['subject'], at = new Date().toISOString()): AccessEntry {
  return {
    at,
    requestId,
    department: 'tax',
    caller: { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'], azp: 'tax-portal' },
    purpose: 'audit-2026-114',
    subject: { ...subject },
    fields: [
      { field: 'IncomeTaxReturn.income', decision: 'allowed' },
      { field: 'Person.name', decision: 'masked' },
      { field: 'SocialSecurityAccount.pensionBalance', decision: 'denied' },
    ],
  };
}

/** A request touching three subjects: the shape the concurrency tests and the cost measurement append. */
export function sampleEntries(requestId: string): AccessEntry[] {
  return [sampleEntry(requestId, SUBJECTS.citizen), sampleEntry(requestId, SUBJECTS.employee), sampleEntry(requestId, SUBJECTS.companyInArrears)];
}
