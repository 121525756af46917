import { canonicalId, defineSubjects } from '../kit/index.js';
import type { ResolversParentTypes } from './generated/resolvers-types.js';

/** Whose data each tax type holds, for the rules in privacy/tax.yaml. */
export const subjects = defineSubjects<ResolversParentTypes>({
  // issueTaxClearance(uscc:), registerTaxpayer(uscc:) and cancelTaxpayerRegistration(uscc:) are about that company:
  // `companySelf` lets a company ask, register and cancel only for itself.
  Mutation: {
    about: 'the company named by `uscc`',
    subjects: (_root, args) => (typeof args.uscc === 'string' ? [{ kind: 'company', id: canonicalId(args.uscc) }] : []),
  },
  TaxClearanceCertificate: {
    about: 'the company certified',
    subjects: (certificate) => [{ kind: 'company', id: certificate.subject.id }],
  },
  // registerTaxpayer(uscc:) and cancelTaxpayerRegistration(uscc:) are about that company (the Mutation entry); so is their answer.
  TaxpayerRegistration: {
    about: 'the company registered',
    subjects: (registration) => [{ kind: 'company', id: registration.uscc }],
  },
  Company: { about: 'the company', subjects: (company) => [{ kind: 'company', id: company.uscc }] },
  TaxProfile: { about: 'the company', subjects: (profile) => [{ kind: 'company', id: profile.uscc }] },
  TaxFiling: { about: 'the company that filed', subjects: (filing) => [{ kind: 'company', id: filing.uscc }] },
  Person: { about: 'the person', subjects: (person) => [{ kind: 'person', id: person.id }] },
  IncomeTaxReturn: {
    about: 'the person who filed',
    subjects: (taxReturn) => [{ kind: 'person', id: taxReturn.personId }],
  },
});
