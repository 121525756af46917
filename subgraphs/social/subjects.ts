import { canonicalId, defineSubjects } from '../kit/index.js';
import type { ResolversParentTypes } from './generated/resolvers-types.js';

/** Whose data each social type holds, for the rules in privacy/social.yaml. */
export const subjects = defineSubjects<ResolversParentTypes>({
  // person(id:) is about the person it asks for: `self` lets a citizen look up only themselves.
  Query: {
    about: 'the person named by `id`',
    subjects: (_root, args) => (typeof args.id === 'string' ? [{ kind: 'person', id: canonicalId(args.id) }] : []),
  },
  // issueContributionCertificate(id:) is about the person it certifies: `self` lets a citizen ask only for their own.
  Mutation: {
    about: 'the person named by `id`',
    subjects: (_root, args) => (typeof args.id === 'string' ? [{ kind: 'person', id: canonicalId(args.id) }] : []),
  },
  ContributionCertificate: {
    about: 'the insured person certified',
    subjects: (certificate) => [{ kind: 'person', id: certificate.subject.id }],
  },
  Person: { about: 'the person', subjects: (person) => [{ kind: 'person', id: person.id }] },
  SocialSecurityAccount: {
    about: 'the insured person',
    subjects: (account) => [{ kind: 'person', id: account.personId }],
  },
  Contribution: { about: 'the insured person', subjects: (month) => [{ kind: 'person', id: month.personId }] },
  Company: { about: 'the company', subjects: (company) => [{ kind: 'company', id: company.uscc }] },
  EmployerAccount: { about: 'the employer', subjects: (account) => [{ kind: 'company', id: account.uscc }] },
});
