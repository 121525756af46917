/** The market regulator's legacy enterprise registry (SOAP), as a mock server. */
export { MARKET_MOCK_NAME, REGISTRY_PATH, startMarketMock, type MarketMockOptions } from './startMarketMock.js';
export {
  REGISTRY_BATCH_MAXIMUM,
  SEARCH_KEYWORD_MAXIMUM_LENGTH,
  SEARCH_PAGE_SIZE_MAXIMUM,
} from './createRegistryService.js';
export { REGISTRY_ERRORS, type RegistryErrorCode } from './registryErrors.js';
export { REGISTRY_NAMESPACE, REGISTRY_OPERATIONS, type RegistryOperation } from './registryOperations.js';
