import type { ContributionRecord } from './legacy/index.js';

/** A month's contribution as the graph serves it: with whose it is, so the privacy rules see the person. */
export interface ContributionOfPerson extends ContributionRecord {
  personId: string;
}
