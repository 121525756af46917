/** The tax bureau's legacy tax administration system (REST/JSON), as a mock; README.md is its interface document. */
export { startTaxMock, TAX_DEV_API_KEY, type TaxMockOptions } from './startTaxMock.js';
export { TAX_RESULT_CODES, type TaxResultName } from './taxResultCodes.js';
export { TAX_MAX_BATCH, TAX_MAX_PAGE_SIZE } from './taxLimits.js';
export { TAX_OPERATIONS } from './taxOperations.js';
