import type { Caller } from '../subgraphs/kit/index.js';

/** What the gateway knows about one request while it plans and fetches. */
export interface GatewayContext {
  requestId: string;
  /** Verified once at the edge (gateway/auth.ts). */
  caller: Caller;
  /** The caller token signed for each department, made once per request on first need. */
  callerTokens: Map<string, Promise<string>>;
}
