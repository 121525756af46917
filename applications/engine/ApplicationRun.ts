import type { Matter } from '../matters/Matter.js';

/** Who applies: a resident (by resident ID) or a company (by USCC), as the caller's token says. */
export interface Applicant {
  kind: 'resident' | 'company';
  id: string;
}

/**
 * Everything a workflow needs, fixed when the application is made: the matter as it was then
 * (a matter edited later does not change an application under way, even on recovery), the
 * applicant, what they typed and what was pre-filled from the graph.
 */
export interface ApplicationRun {
  id: string;
  matter: Matter;
  applicant: Applicant;
  input: Record<string, string>;
  prefilled: Record<string, unknown>;
}

/** An officer's decision on a step, as `decide` sends it to the waiting step. */
export interface Decision {
  approve: boolean;
  reason: string;
  officer: string;
}

/** How one step ended, as the step's workflow returns it to the application's. */
export type StepResult =
  | { step: string; outcome: 'done'; output: Record<string, unknown> }
  | { step: string; outcome: 'refused' | 'rejected' | 'gave-up'; reason: string };
