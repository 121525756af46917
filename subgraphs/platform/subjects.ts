import {
  badUserInput,
  canonicalId,
  defineSubjects,
  residentIdProblem,
  usccProblem,
  type Subject,
} from '../kit/index.js';
import type { ResolversParentTypes } from './generated/resolvers-types.js';

/**
 * The resident or company an argument names, or nothing when it is absent; anything that is
 * neither is refused (BAD_USER_INPUT) before any decision or record, whoever asks.
 */
function namedSubject(argument: string, value: unknown): Subject[] {
  if (typeof value !== 'string') return [];
  const id = canonicalId(value);
  if (residentIdProblem(id) !== null && usccProblem(id) !== null)
    throw badUserInput(argument, 'give a resident ID (18 characters, GB 11643-1999) or a USCC (GB 32100-2015)');
  return [{ kind: residentIdProblem(id) === null ? 'person' : 'company', id }];
}

/** Whose log each value is part of, for the rules in privacy/platform.yaml: the subject the log is about. */
export const subjects = defineSubjects<ResolversParentTypes>({
  // accessLog(subject:) is about the resident or company it names.
  Query: {
    about: 'the resident or company named by `subject`',
    subjects: (_root, args) => namedSubject('subject', args.subject),
  },
  // Applying is about the applicant named: `self`/`companySelf` let a caller apply only for themself.
  'Mutation.applyFor': {
    about: 'the applicant named by `applicant`',
    subjects: (_root, args) => namedSubject('applicant', args.applicant),
  },
  // A decision is the officer's act under their role and purpose; what it is about is the
  // application it answers, recorded under its applicant when the answer is read.
  Mutation: { about: 'no one: an officer deciding a step', subjects: () => [] },
  // An application, its steps, answers and outputs are its applicant's; so is a form's pre-filled value.
  Application: { about: 'the applicant', subjects: (application) => [application.subject] },
  ApplicationStep: { about: 'the applicant', subjects: (step) => [step.subject] },
  ApplicationAnswerValue: { about: 'the applicant', subjects: (value) => [value.subject] },
  PendingDecision: { about: 'the applicant', subjects: (pending) => [pending.subject] },
  PrefilledValue: { about: 'the resident whose form it is', subjects: (value) => [value.subject] },
  Person: {
    about: 'the person whose log (and applications) it is',
    subjects: (person) => [{ kind: 'person', id: person.id }],
  },
  Company: {
    about: 'the company whose log (and applications) it is',
    subjects: (company) => [{ kind: 'company', id: company.uscc }],
  },
  DataAccessPage: { about: 'whose log it is', subjects: (page) => [page.subject] },
  DataAccess: { about: 'whose log it is', subjects: (record) => [record.subject] },
  Accessor: { about: 'whose log it is', subjects: (accessor) => [accessor.subject] },
  FieldAccess: { about: 'whose log it is', subjects: (access) => [access.subject] },
});
