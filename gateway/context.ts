import type { Caller } from '../subgraphs/kit/index.js';

/** What the gateway knows about one request while it plans and fetches. */
export interface GatewayContext {
  requestId: string;
  /** Verified once at the edge (gateway/auth.ts). */
  caller: Caller;
}
