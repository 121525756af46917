import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request has done so far, as far as the after-write fault needs to know. */
export interface WriteScope {
  /** A write took effect (journaled) while serving this request; replays do not count. */
  wrote: boolean;
}

const scope = new AsyncLocalStorage<WriteScope>();

/**
 * Runs a request's handler in its own scope, so that a write deep inside a department's protocol
 * layer (a SOAP operation the `soap` package calls, a REST operation) can tell the shared front
 * server that it took effect, without every protocol passing the request down to its store.
 */
export function runInWriteScope<T>(state: WriteScope, handler: () => T): T {
  return scope.run(state, handler);
}

/** Called by WriteStore when a write has been made durable in the current request. */
export function markWriteDone(): void {
  const state = scope.getStore();
  if (state) state.wrote = true;
}
