/**
 * The one transport to the departments' legacy systems (README, "Behaviour under trouble"):
 * keep-alive connections, guarded SOAP and REST calls, batching by key, answer checking and the
 * map from legacy failures to DEPARTMENT_UNAVAILABLE reasons. Departments keep only their
 * vocabulary, operations and record mapping.
 */
export { batchByKey, type KeyBatching } from './batchByKey.js';
export {
  createLegacyHttp,
  type LegacyHttp,
  type LegacyHttpDefaults,
  type LegacyHttpRequest,
  type LegacyHttpResponse,
} from './createLegacyHttp.js';
export { LegacyRestClient, type LegacyHttpAnswer, type LegacyRestClientOptions } from './LegacyRestClient.js';
export {
  LegacySoapClient,
  SOAP_EXCHANGE_PROPERTIES,
  type LegacySoapClientOptions,
  type SoapCallOptions,
} from './LegacySoapClient.js';
export { pathOf } from './pathOf.js';
export { readAnswer } from './readAnswer.js';
export { readSoapFault, type SoapFault } from './readSoapFault.js';
export { readXmlRecords, type XmlRecords, type XmlRecordsShape } from './readXmlRecords.js';
export { toLegacyUnavailable, type LegacyFailureContext } from './toLegacyUnavailable.js';
