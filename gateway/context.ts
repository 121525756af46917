/** What the gateway knows about one request while it plans and fetches. */
export interface GatewayContext {
  requestId: string;
}
