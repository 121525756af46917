import type { SubjectResolvers } from '../kit/privacy/types.js';
import type { PersonReference } from '../kit/index.js';
import type { CompanyRecord, ShareholdingRecord } from './legacy/index.js';

/** Whose data each market type holds, for the rules in privacy/market.yaml. */
export const marketSubjects: SubjectResolvers = {
  Company: (company) => [{ kind: 'company', id: (company as CompanyRecord).uscc }],
  // A stake is about both: the holder (self) and the company (companySelf) may see it.
  Shareholding: (holding) => [
    { kind: 'person', id: (holding as ShareholdingRecord).holderId },
    { kind: 'company', id: (holding as ShareholdingRecord).companyUscc },
  ],
  Person: (person) => [{ kind: 'person', id: (person as PersonReference).id }],
};
