import { canonicalId, defineSubjects } from '../kit/index.js';
import type { ResolversParentTypes } from './generated/resolvers-types.js';

/** Whose data each market type holds, for the rules in privacy/market.yaml. */
export const subjects = defineSubjects<ResolversParentTypes>({
  // issueBusinessLicenceExtract(uscc:), withdrawRegistration(uscc:) and decideRegistration(uscc:) are about that company.
  Mutation: {
    about: 'the company named by `uscc`',
    subjects: (_root, args) => (typeof args.uscc === 'string' ? [{ kind: 'company', id: canonicalId(args.uscc) }] : []),
  },
  // Applying to register an enterprise is about the person who will represent it: `self` lets a
  // resident apply only with themself as the legal representative.
  'Mutation.registerEnterprise': {
    about: 'the legal representative named by `legalRepresentativeId`',
    subjects: (_root, args) =>
      typeof args.legalRepresentativeId === 'string'
        ? [{ kind: 'person', id: canonicalId(args.legalRepresentativeId) }]
        : [],
  },
  // Withdrawing and deciding are about the registration, that is the company named by `uscc`
  // (the generic Mutation entry above). The answer is about the company and, when the write named
  // them, its representative: either may read it.
  EnterpriseRegistration: {
    about: 'the registered company and, after registerEnterprise, its legal representative',
    subjects: (registration) => [
      { kind: 'company', id: registration.uscc },
      ...(registration.legalRepresentativeId === null
        ? []
        : [{ kind: 'person' as const, id: registration.legalRepresentativeId }]),
    ],
  },
  BusinessLicenceExtract: {
    about: 'the company certified',
    subjects: (certificate) => [{ kind: 'company', id: certificate.subject.id }],
  },
  Company: { about: 'the company', subjects: (company) => [{ kind: 'company', id: company.uscc }] },
  // Following a company to its representative reveals who that person is (their resident ID) and
  // links them to the company: the access is about both, and is recorded in both logs.
  'Company.legalRepresentative': {
    about: 'the company and its legal representative',
    subjects: (company) => [
      { kind: 'company', id: company.uscc },
      { kind: 'person', id: company.legalRepresentativeId },
    ],
  },
  // A stake is about both: the holder (self) and the company (companySelf) may see it.
  Shareholding: {
    about: 'the holder and the company',
    subjects: (holding) => [
      { kind: 'person', id: holding.holderId },
      { kind: 'company', id: holding.companyUscc },
    ],
  },
  Person: { about: 'the person', subjects: (person) => [{ kind: 'person', id: person.id }] },
});
