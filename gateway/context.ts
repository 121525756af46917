import type { Caller } from '../core/index.js';

/** What the gateway knows about one request while it plans and fetches. */
export interface GatewayContext {
  /** Made by the gateway for every request (never the caller's). */
  requestId: string;
  /** The caller's own x-request-id, if it sent a plain one: carried to the subgraphs and the access log beside requestId. */
  correlationId: string | null;
  /** Verified once at the edge (gateway/auth.ts). */
  caller: Caller;
  /** Whose limits this request counts against (gateway/limitCallers.ts): the caller, or its address. */
  rateLimitKey: string;
  /**
   * Fires when the request has waited for the departments long enough (GATEWAY_REQUEST_DEADLINE_MS,
   * made when the request starts): every subgraph call still running is cut off and reported as its
   * department's DEPARTMENT_UNAVAILABLE (timeout), none is started after it (createGateway.ts).
   */
  deadline: AbortSignal;
}
