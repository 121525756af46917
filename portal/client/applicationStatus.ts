import type { ApplicationStatus, StepStatus } from '../../examples/generated/client/graphql.js';
import { h } from './dom.js';

/** Where an application stands, in words for the applicant (the graph's ApplicationStatus). */
export const APPLICATION_STATUS_WORDS: Readonly<Record<ApplicationStatus, string>> = {
  RUNNING: 'In progress',
  WAITING: 'Waiting for a department',
  AWAITING_DECISION: 'Awaiting an officer’s decision',
  COMPLETED: 'Completed',
  REFUSED: 'Refused',
  FAILED: 'Failed',
};

/** Where one step stands, in words (the graph's StepStatus). */
export const STEP_STATUS_WORDS: Readonly<Record<StepStatus, string>> = {
  PENDING: 'Not started',
  RUNNING: 'In progress',
  WAITING: 'Waiting for the department',
  AWAITING_DECISION: 'Awaiting an officer’s decision',
  DONE: 'Done',
  REFUSED: 'Refused by the department',
  REJECTED: 'Rejected by an officer',
  GAVE_UP: 'Given up: the department could not be reached',
  UNDONE: 'Undone',
  NOT_UNDONE: 'Not undone: an officer finishes it by hand',
};

/** The statuses after which an application no longer changes: its page stops asking. */
export const FINAL_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['COMPLETED', 'REFUSED', 'FAILED']);

/** An application's status as a badge: the words, with the status itself for styles and tests. */
export function applicationBadge(status: ApplicationStatus | null | undefined): HTMLElement {
  return badge(status, status ? APPLICATION_STATUS_WORDS[status] : 'Unknown');
}

/** A step's status as a badge. */
export function stepBadge(status: StepStatus | null | undefined): HTMLElement {
  return badge(status, status ? STEP_STATUS_WORDS[status] : 'Unknown');
}

function badge(status: string | null | undefined, words: string): HTMLElement {
  return h('span', { class: `badge ${status ?? ''}`.trim(), 'data-status': status ?? undefined }, words);
}
