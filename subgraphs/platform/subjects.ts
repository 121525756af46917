import type { SubjectResolvers } from '../kit/privacy/types.js';
import type { CompanyReference, PersonReference } from '../kit/index.js';
import type { AccessorView, AccessRecordView, FieldAccessView, LogPageView } from './AccessView.js';

/** Whose log each value is part of, for the rules in privacy/platform.yaml: the subject the log is about. */
export const platformSubjects: SubjectResolvers = {
  Query: (_root, args) => {
    const id = typeof args.subject === 'string' ? args.subject.toUpperCase() : null;
    if (!id) return [];
    // The rules only compare ids, so both kinds are named; the resolver checks which it is.
    return [{ kind: 'person', id }, { kind: 'company', id }];
  },
  Person: (person) => [{ kind: 'person', id: (person as PersonReference).id }],
  Company: (company) => [{ kind: 'company', id: (company as CompanyReference).uscc }],
  DataAccessPage: (page) => [(page as LogPageView).subject],
  DataAccess: (record) => [(record as AccessRecordView).subject],
  Accessor: (accessor) => [(accessor as AccessorView).subject],
  FieldAccess: (access) => [(access as FieldAccessView).subject],
};
