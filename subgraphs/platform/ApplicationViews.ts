import type { ApplicationView, Matter, PendingDecision, StepView, Subject } from '../kit/index.js';

/**
 * What the applications fields resolve to: the service's views, each with the subject the policy
 * decides about (privacy/platform.yaml): an application and everything in it is its applicant's.
 */
export interface ApplicationRecord {
  view: ApplicationView;
  subject: Subject;
}

export interface ApplicationStepRecord {
  step: StepView;
  subject: Subject;
}

/** A name and a value of an application: an answer the applicant typed, or a step's output. */
export interface NamedValueRecord {
  name: string;
  value: string;
  subject: Subject;
}

export interface PendingDecisionRecord {
  pending: PendingDecision;
  application: ApplicationView;
  subject: Subject;
}

/** One pre-filled value, about the resident whose form it is. */
export interface PrefilledValueRecord {
  label: string;
  value: string | null;
  subject: Subject;
}

export type MatterRecord = Matter;

/** The subject an application is about: its applicant, a person or a company. */
export function applicantSubject(view: ApplicationView): Subject {
  return { kind: view.applicant.kind === 'company' ? 'company' : 'person', id: view.applicant.id };
}

export function applicationRecord(view: ApplicationView): ApplicationRecord {
  return { view, subject: applicantSubject(view) };
}
