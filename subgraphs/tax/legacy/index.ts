/** The tax bureau's legacy system as the tax subgraph sees it: one client, answering in graph records. */
export { TAX_BATCH_MAXIMUM, TaxClient, type TaxClientOptions } from './taxClient.js';
export type { IncomeTaxReturnRecord } from './IncomeTaxReturnRecord.js';
export type { TaxFilingRecord, TaxKind } from './TaxFilingRecord.js';
export type { TaxProfileRecord } from './TaxProfileRecord.js';
export { FIRST_TAX_YEAR, LAST_TAX_YEAR } from './taxYears.js';
export type { TaxpayerRegistrationRecord } from './TaxpayerRegistrationRecord.js';
