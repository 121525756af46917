/** What operators get from every service: structured logs without personal data, and metrics. */
export { createLogger, type Logger } from './createLogger.js';
export { createServiceMetrics, type LegacyCallEvents, type ServiceMetrics } from './createServiceMetrics.js';
export { logRequestsPlugin } from './logRequestsPlugin.js';
export { redactPersonalData, redactText } from './redactPersonalData.js';
