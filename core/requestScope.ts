import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs a request's work with its id in scope, so code far from the request (a legacy client
 * shared by the whole process) can send the same id on to the legacy systems, and one request
 * can be followed from the gateway through a subgraph into the legacy call.
 */
export function runInRequestScope<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** The header that carries it, for legacy calls: absent outside a request. */
export function requestIdHeader(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { 'x-request-id': requestId } : {};
}
