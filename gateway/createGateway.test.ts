import type { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { ANONYMOUS } from '../core/index.js';
import type { GatewayContext } from './context.js';
import { DepartmentDataSource } from './createGateway.js';

type Fetcher = ConstructorParameters<typeof DepartmentDataSource>[3];

/** A subgraph that never answers: its fetch ends only when its signal aborts it. */
function hangingFetcher() {
  const signals: Array<AbortSignal | undefined> = [];
  const fetcher = vi.fn<Fetcher>(
    (_url, init) =>
      new Promise((_resolve, reject) => {
        const signal = init?.signal as AbortSignal | undefined;
        signals.push(signal);
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      }),
  );
  return { fetcher, signals };
}

function ask(source: DepartmentDataSource, deadline: AbortSignal | undefined) {
  const context = { requestId: 'r1', correlationId: null, caller: ANONYMOUS, rateLimitKey: 'k', deadline };
  return source.process({
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION, which @apollo/gateway does not export as a value.
    kind: 'incoming operation',
    request: { query: '{ me { id } }' },
    context: context as GatewayContext,
    incomingRequestContext: {} as never,
    pathInIncomingRequest: [],
  } as never);
}

async function errorOf(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: GraphQLError) => error,
  );
}

const sign = async () => 'caller-token';

describe("a department's subgraph call and the request's deadline", () => {
  it('is cut off when the deadline fires, as the department unavailable (timeout)', async () => {
    const { fetcher, signals } = hangingFetcher();
    const source = new DepartmentDataSource('social', 'http://social.invalid/graphql', sign, fetcher);
    const deadline = new AbortController();
    const call = errorOf(ask(source, deadline.signal));
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    expect(signals[0]).toBe(deadline.signal);
    deadline.abort();
    const error = await call;
    expect(error.extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'social', reason: 'timeout' });
  });

  it('is not made once the deadline has passed', async () => {
    const { fetcher } = hangingFetcher();
    const source = new DepartmentDataSource('tax', 'http://tax.invalid/graphql', sign, fetcher);
    const error = await errorOf(ask(source, AbortSignal.abort()));
    expect(error.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'tax', reason: 'timeout' });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('reports a subgraph that cannot be reached before the deadline as unreachable', async () => {
    const fetcher = vi.fn<Fetcher>(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const source = new DepartmentDataSource('market', 'http://market.invalid/graphql', sign, fetcher);
    const error = await errorOf(ask(source, AbortSignal.timeout(60_000)));
    expect(error.extensions).toMatchObject({ department: 'market', reason: 'unreachable' });
  });
});
