import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { badUserInput, departmentUnavailable, type UnavailableReason } from '../../../core/errors.js';
import { createLegacyGuard } from './createLegacyGuard.js';
import type { LegacyGuardEvents, LegacyGuardSettings } from './index.js';

// A fake legacy call stands in for the system; durations are small and real (no fake timers),
// and upper bounds on time are generous, since the machine is shared.

/** Quick settings for tests: short timeouts and backoffs, nothing read from the environment. */
function guardFor(settings: LegacyGuardSettings = {}) {
  return createLegacyGuard('tax', {
    timeoutMs: 200,
    retryInitialDelayMs: 5,
    retryMaxDelayMs: 20,
    environment: {},
    ...settings,
  });
}

const unavailable = (reason: UnavailableReason) => departmentUnavailable('tax', reason);

/** A call that fails with these reasons in turn, then answers 'answer'; counts its invocations. */
function scriptedCall(...failures: UnavailableReason[]) {
  const call = async (_signal: AbortSignal) => {
    call.count++;
    const reason = failures[call.count - 1];
    if (reason) throw unavailable(reason);
    return 'answer';
  };
  call.count = 0;
  return call;
}

/** A call that never answers on its own, but gives up when its signal aborts (as axios does). */
function hangingCall() {
  const call = (signal: AbortSignal) => {
    call.count++;
    call.signals.push(signal);
    return new Promise<never>((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new Error('aborted'))),
    );
  };
  call.count = 0;
  call.signals = [] as AbortSignal[];
  return call;
}

async function failureOf(promise: Promise<unknown>): Promise<GraphQLError> {
  return promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error as GraphQLError,
  );
}

function expectUnavailable(error: unknown, reason: UnavailableReason): void {
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions).toMatchObject({
    code: 'DEPARTMENT_UNAVAILABLE',
    department: 'tax',
    reason,
  });
}

function recordEvents() {
  const seen = {
    calls: [] as Array<[string, string]>,
    retries: [] as Array<[string, number, string]>,
    circuit: [] as string[],
  };
  const events: LegacyGuardEvents = {
    onCall: (operation, outcome) => seen.calls.push([operation, outcome]),
    onRetry: (operation, attempt, reason) => seen.retries.push([operation, attempt, reason]),
    onCircuitChange: (state) => seen.circuit.push(state),
  };
  return { seen, events };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retries', () => {
  it('retries a transient failure and returns the answer', async () => {
    const { seen, events } = recordEvents();
    const call = scriptedCall('fault', 'unreachable');
    expect(await guardFor({ events }).run('readTaxpayers', call)).toBe('answer');
    expect(call.count).toBe(3);
    expect(seen.retries).toEqual([
      ['readTaxpayers', 1, 'fault'],
      ['readTaxpayers', 2, 'unreachable'],
    ]);
    expect(seen.calls).toEqual([['readTaxpayers', 'ok']]);
  });

  it('gives up after the configured retries with the last failure', async () => {
    const call = scriptedCall('fault', 'fault', 'timeout', 'fault');
    expectUnavailable(await failureOf(guardFor({ retries: 2 }).run('read', call)), 'timeout');
    expect(call.count).toBe(3);
  });

  it('does not retry a refusal or a malformed answer', async () => {
    for (const reason of ['rejected', 'malformed'] as const) {
      const call = scriptedCall(reason);
      expectUnavailable(await failureOf(guardFor().run('read', call)), reason);
      expect(call.count).toBe(1);
    }
  });

  it("lets errors that are not the system's fault through unchanged, without retrying", async () => {
    const guard = guardFor();
    const badInput = badUserInput('uscc', 'wrong check digit');
    const bug = new TypeError('a bug');
    let count = 0;
    expect(await failureOf(guard.run('read', async () => (count++, Promise.reject(badInput))))).toBe(badInput);
    expect(await failureOf(guard.run('read', async () => (count++, Promise.reject(bug))))).toBe(bug);
    expect(count).toBe(2);
  });

  it('does not retry a call that is not idempotent', async () => {
    const call = scriptedCall('fault');
    expectUnavailable(await failureOf(guardFor().run('write', call, { idempotent: false })), 'fault');
    expect(call.count).toBe(1);
  });
});

describe('timeouts', () => {
  it('gives up an attempt after timeoutMs and aborts its signal', async () => {
    const call = hangingCall();
    const started = performance.now();
    expectUnavailable(await failureOf(guardFor({ timeoutMs: 50, retries: 0 }).run('read', call)), 'timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(call.signals[0]!.aborted).toBe(true);
  });

  it('aborts nothing when a call returns, in time or with an error: no DOMException per call (issue 23)', async () => {
    const aborts = vi.spyOn(AbortController.prototype, 'abort');
    try {
      const signals: AbortSignal[] = [];
      const guard = guardFor({ timeoutMs: 30, budgetMs: 60, retries: 0 });
      await guard.run('read', async (signal) => (signals.push(signal), 'answer'));
      await guard
        .run('read', async (signal) => {
          signals.push(signal);
          throw badUserInput('uscc', 'wrong');
        })
        .catch(() => undefined);
      // Past both deadlines: their timers were cleared, not left to abort a finished call.
      await sleep(90);
      expect(aborts).not.toHaveBeenCalled();
      expect(signals.map((signal) => [signal.aborted, signal.reason])).toEqual([
        [false, undefined],
        [false, undefined],
      ]);
    } finally {
      aborts.mockRestore();
    }
  });

  it('gives up the attempt even when the call ignores its signal', async () => {
    const started = performance.now();
    const ignoring = () => new Promise<never>(() => {});
    expectUnavailable(await failureOf(guardFor({ timeoutMs: 50, retries: 0 }).run('read', ignoring)), 'timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('bounds a run on a hanging system by the budget, retries included', async () => {
    const call = hangingCall();
    const budgetMs = 250;
    const started = performance.now();
    // 10 retries of 100 ms attempts would take over a second; the budget ends it first.
    expectUnavailable(
      await failureOf(guardFor({ timeoutMs: 100, retries: 10, budgetMs }).run('read', call)),
      'timeout',
    );
    expect(performance.now() - started).toBeLessThan(5 * budgetMs);
    expect(call.signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('starts a retry only while the budget left can hold a whole attempt (issue 11)', async () => {
    // 100 ms attempts in 250 ms: the second starts with about 150 ms left, a third would have under 100.
    const call = hangingCall();
    expectUnavailable(
      await failureOf(guardFor({ timeoutMs: 100, retries: 10, budgetMs: 250 }).run('read', call)),
      'timeout',
    );
    expect(call.count).toBe(2);
  });

  it('budgets 2.5 times the timeout unless told otherwise', () => {
    expect(guardFor({ timeoutMs: 300 }).settings.budgetMs).toBe(750);
    expect(guardFor({ timeoutMs: 300, budgetMs: 400 }).settings.budgetMs).toBe(400);
  });
});

describe('circuit breaker', () => {
  const breakerSettings = { retries: 0, breakerThreshold: 3, breakerResetMs: 150 };

  it('opens after consecutive failures and then fails at once without calling', async () => {
    const { seen, events } = recordEvents();
    const guard = guardFor({ ...breakerSettings, events });
    const failing = scriptedCall('unreachable', 'fault', 'timeout');
    for (let run = 0; run < 3; run++) await failureOf(guard.run('read', failing));
    expect(guard.state().circuit).toBe('open');
    expect(seen.circuit).toEqual(['open']);

    const untouched = scriptedCall();
    const started = performance.now();
    expectUnavailable(await failureOf(guard.run('read', untouched)), 'circuit-open');
    expect(performance.now() - started).toBeLessThan(100);
    expect(untouched.count).toBe(0);
    expect(seen.calls.at(-1)).toEqual(['read', 'circuit-open']);
  });

  it('half-opens after breakerResetMs and closes when the test call succeeds', async () => {
    const { seen, events } = recordEvents();
    const guard = guardFor({ ...breakerSettings, events });
    for (let run = 0; run < 3; run++) await failureOf(guard.run('read', scriptedCall('fault')));
    await sleep(200);
    const recovered = scriptedCall();
    expect(await guard.run('read', recovered)).toBe('answer');
    expect(recovered.count).toBe(1);
    expect(guard.state().circuit).toBe('closed');
    expect(seen.circuit).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again when the test call fails', async () => {
    const guard = guardFor(breakerSettings);
    for (let run = 0; run < 3; run++) await failureOf(guard.run('read', scriptedCall('fault')));
    await sleep(200);
    expectUnavailable(await failureOf(guard.run('read', scriptedCall('unreachable'))), 'unreachable');
    expect(guard.state().circuit).toBe('open');
    expectUnavailable(await failureOf(guard.run('read', scriptedCall())), 'circuit-open');
  });

  it('counts a run once, after its retries: a repaired attempt is no failure', async () => {
    const guard = guardFor({ ...breakerSettings, retries: 1 });
    for (let run = 0; run < 5; run++) expect(await guard.run('read', scriptedCall('fault'))).toBe('answer');
    expect(guard.state().circuit).toBe('closed');
  });

  it('stays closed on refusals and malformed answers, and a success resets the count', async () => {
    const guard = guardFor(breakerSettings);
    for (let run = 0; run < 5; run++)
      await failureOf(guard.run('read', scriptedCall(run % 2 ? 'rejected' : 'malformed')));
    expect(guard.state().circuit).toBe('closed');
    for (let run = 0; run < 2; run++) await failureOf(guard.run('read', scriptedCall('fault')));
    await guard.run('read', scriptedCall());
    for (let run = 0; run < 2; run++) await failureOf(guard.run('read', scriptedCall('fault')));
    expect(guard.state().circuit).toBe('closed');
  });
});

describe('bulkhead', () => {
  /** A call held until `release` is called. */
  function heldCalls() {
    const releases: Array<() => void> = [];
    let count = 0;
    const call = () => {
      count++;
      return new Promise<string>((resolve) => releases.push(() => resolve('answer')));
    };
    return { call, releases, count: () => count };
  }

  it('rejects calls beyond its capacity and queue at once as overloaded', async () => {
    const { seen, events } = recordEvents();
    const guard = guardFor({ maxConcurrent: 2, maxQueued: 1, timeoutMs: 5_000, events });
    const held = heldCalls();
    const admitted = [guard.run('read', held.call), guard.run('read', held.call), guard.run('read', held.call)];
    await sleep(10);
    expect(guard.state()).toEqual({ circuit: 'closed', inFlight: 2, queued: 1 });
    expect(held.count()).toBe(2);

    const started = performance.now();
    expectUnavailable(await failureOf(guard.run('read', held.call)), 'overloaded');
    expect(performance.now() - started).toBeLessThan(100);
    expect(seen.calls).toEqual([['read', 'overloaded']]);

    // Released calls make room for the queued one, which then runs too.
    held.releases.splice(0).forEach((release) => release());
    await sleep(20);
    expect(held.count()).toBe(3);
    held.releases.splice(0).forEach((release) => release());
    expect(await Promise.all(admitted)).toEqual(['answer', 'answer', 'answer']);
    expect(guard.state()).toEqual({ circuit: 'closed', inFlight: 0, queued: 0 });
  });
});

describe('events', () => {
  it('reports each run once with its outcome, and a hook that throws changes nothing', async () => {
    const { seen, events } = recordEvents();
    const guard = guardFor({ retries: 0, events });
    await guard.run('a', scriptedCall());
    await failureOf(guard.run('b', scriptedCall('malformed')));
    await failureOf(guard.run('c', () => Promise.reject(new TypeError('a bug'))));
    expect(seen.calls).toEqual([
      ['a', 'ok'],
      ['b', 'malformed'],
      ['c', 'error'],
    ]);
    const throwing = guardFor({
      events: {
        onCall: () => {
          throw new Error('metrics broke');
        },
      },
    });
    expect(await throwing.run('a', scriptedCall())).toBe('answer');
  });
});
