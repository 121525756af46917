import type { SubjectResolvers } from '../kit/privacy/types.js';
import type { CompanyReference, PersonReference } from '../kit/index.js';
import type { FilingOfTaxpayer } from './FilingOfTaxpayer.js';
import type { IncomeTaxReturnRecord, TaxProfileRecord } from './legacy/index.js';

/** Whose data each tax type holds, for the rules in privacy/tax.yaml. */
export const taxSubjects: SubjectResolvers = {
  Company: (company) => [{ kind: 'company', id: (company as CompanyReference).uscc }],
  TaxProfile: (profile) => [{ kind: 'company', id: (profile as TaxProfileRecord).uscc }],
  TaxFiling: (filing) => [{ kind: 'company', id: (filing as FilingOfTaxpayer).uscc }],
  Person: (person) => [{ kind: 'person', id: (person as PersonReference).id }],
  IncomeTaxReturn: (taxReturn) => [{ kind: 'person', id: (taxReturn as IncomeTaxReturnRecord).personId }],
};
