import type { SubjectResolvers } from '../kit/privacy/types.js';
import { canonicalId, type CompanyReference } from '../kit/index.js';
import type { ContributionOfPerson } from './ContributionOfPerson.js';
import type { EmployerAccountRecord, PersonRecord, SocialSecurityAccountRecord } from './legacy/index.js';

/** Whose data each social type holds, for the rules in privacy/social.yaml. */
export const socialSubjects: SubjectResolvers = {
  // person(id:) is about the person it asks for: `self` lets a citizen look up only themselves.
  Query: (_root, args) => (typeof args.id === 'string' ? [{ kind: 'person', id: canonicalId(args.id) }] : []),
  Person: (person) => [{ kind: 'person', id: (person as PersonRecord).id }],
  SocialSecurityAccount: (account) => [{ kind: 'person', id: (account as SocialSecurityAccountRecord).personId }],
  Contribution: (month) => [{ kind: 'person', id: (month as ContributionOfPerson).personId }],
  Company: (company) => [{ kind: 'company', id: (company as CompanyReference).uscc }],
  EmployerAccount: (account) => [{ kind: 'company', id: (account as EmployerAccountRecord).uscc }],
};
