import type { SubjectResolvers } from '../kit/privacy/types.js';
import { badUserInput, canonicalId, residentIdProblem, usccProblem, type CompanyReference, type PersonReference } from '../kit/index.js';
import type { AccessorView, AccessRecordView, FieldAccessView, LogPageView } from './AccessView.js';

/** Whose log each value is part of, for the rules in privacy/platform.yaml: the subject the log is about. */
export const platformSubjects: SubjectResolvers = {
  // accessLog(subject:) is about the resident or company it names; anything that is neither is
  // refused (BAD_USER_INPUT) before any decision or record, whoever asks.
  Query: (_root, args) => {
    if (typeof args.subject !== 'string') return [];
    const id = canonicalId(args.subject);
    if (residentIdProblem(id) !== null && usccProblem(id) !== null) throw badUserInput('subject', 'give a resident ID (18 characters, GB 11643-1999) or a USCC (GB 32100-2015)');
    return [{ kind: residentIdProblem(id) === null ? 'person' : 'company', id }];
  },
  Person: (person) => [{ kind: 'person', id: (person as PersonReference).id }],
  Company: (company) => [{ kind: 'company', id: (company as CompanyReference).uscc }],
  DataAccessPage: (page) => [(page as LogPageView).subject],
  DataAccess: (record) => [(record as AccessRecordView).subject],
  Accessor: (accessor) => [(accessor as AccessorView).subject],
  FieldAccess: (access) => [(access as FieldAccessView).subject],
};
