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
  // claim(number:) names no one until the bureau answers: the claim's own fields are about its claimant.
  'Query.claim': { about: 'the claimant, known once the claim is read (its fields)', subjects: () => [] },
  // openEmployerAccount(uscc:) is about that company: `companySelf` lets a company open only its own.
  'Mutation.openEmployerAccount': {
    about: 'the company named by `uscc`',
    subjects: (_root, args) => (typeof args.uscc === 'string' ? [{ kind: 'company', id: canonicalId(args.uscc) }] : []),
  },
  // submitBenefitClaim(residentId:) is about the claimant: `self` lets a resident claim only for themself.
  'Mutation.submitBenefitClaim': {
    about: 'the claimant named by `residentId`',
    subjects: (_root, args) =>
      typeof args.residentId === 'string' ? [{ kind: 'person', id: canonicalId(args.residentId) }] : [],
  },
  // decideBenefitClaim(claimNumber:) names no one until the bureau answers: the claim's fields are about its claimant.
  'Mutation.decideBenefitClaim': {
    about: 'the claimant, known once the claim is decided (its fields)',
    subjects: () => [],
  },
  BenefitClaim: { about: 'the claimant', subjects: (claim) => [{ kind: 'person', id: claim.residentId }] },
  EmployerAccountOpening: { about: 'the employer', subjects: (opening) => [{ kind: 'company', id: opening.uscc }] },
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
