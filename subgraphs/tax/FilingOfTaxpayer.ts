import type { TaxFilingRecord } from './legacy/index.js';

/** A filing as the graph serves it: with whose it is, so the privacy rules see the taxpayer on each one. */
export interface FilingOfTaxpayer extends TaxFilingRecord {
  uscc: string;
}
