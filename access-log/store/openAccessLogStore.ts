import type { AccessLogStore } from './AccessLogStore.js';
import { createAccessLogStore } from './createAccessLogStore.js';
import { openLogDatabase, type OpenLogDatabaseOptions } from './openLogDatabase.js';

export type { AccessLogLocation } from './backends/StoreBackend.js';
export { accessLogLocation } from './openLogDatabase.js';

export interface OpenAccessLogOptions extends OpenLogDatabaseOptions {
  /** This writer's chain; default a new one per store (chainName.ts). */
  chain?: string;
  /** How long refusals wait for the rest of their request (groupCommit.ts's REFUSAL_WINDOW_MS). */
  refusalWindowMs?: number;
}

/** Opens the access log the options name (see accessLogLocation). */
export async function openAccessLogStore(options: OpenAccessLogOptions = {}): Promise<AccessLogStore> {
  const driver = await openLogDatabase(options, { table: 'access_records', what: 'access log' });
  return createAccessLogStore(driver, { chain: options.chain, refusalWindowMs: options.refusalWindowMs });
}
