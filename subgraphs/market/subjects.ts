import type { SubjectResolvers } from '../kit/privacy/types.js';
import type { PersonReference } from '../kit/index.js';
import type { CompanyRecord, ShareholdingRecord } from './legacy/index.js';

/** Whose data each market type holds, for the rules in privacy/market.yaml. */
export const marketSubjects: SubjectResolvers = {
  Company: (company) => [{ kind: 'company', id: (company as CompanyRecord).uscc }],
  // Following a company to its representative reveals who that person is (their resident ID) and
  // links them to the company: the access is about both, and is recorded in both logs.
  'Company.legalRepresentative': (company) => [
    { kind: 'company', id: (company as CompanyRecord).uscc },
    { kind: 'person', id: (company as CompanyRecord).legalRepresentativeId },
  ],
  // A stake is about both: the holder (self) and the company (companySelf) may see it.
  Shareholding: (holding) => [
    { kind: 'person', id: (holding as ShareholdingRecord).holderId },
    { kind: 'company', id: (holding as ShareholdingRecord).companyUscc },
  ],
  Person: (person) => [{ kind: 'person', id: (person as PersonReference).id }],
};
