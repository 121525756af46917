/** The market subgraph's legacy client: the enterprise registry, in graph terms. */
export type { CompanyRecord } from './CompanyRecord.js';
export { MARKET_BATCH_MAXIMUM, MarketClient, type MarketClientOptions } from './marketClient.js';
export type { ShareholdingRecord } from './ShareholdingRecord.js';
export { ShareholdingList } from './ShareholdingList.js';
export type { EnterpriseRegistrationRecord } from './EnterpriseRegistrationRecord.js';
export { RegistryWrites, type EnterpriseRegistrationRequest } from './registryWrites.js';
