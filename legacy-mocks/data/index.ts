/** The shared data set: one deterministic population that every legacy mock serves. */
export { accountBalancesOf, contributionsOf } from './contributionsOf.js';
export { filingsOf } from './filingsOf.js';
export { COMPANY_COUNT, DEFAULT_SEED, generateDataSet, RESIDENT_COUNT } from './generateDataSet.js';
export { incomeTaxReturnOf } from './incomeTaxReturnOf.js';
export type * from './model.js';
export { addMonths, isPeriod, LAST_PERIOD, periodIndex } from './periods.js';
export { DATA_SEED_SETTING, readDataSeed } from './dataSeed.js';
export { loadDataSet } from './loadDataSet.js';
