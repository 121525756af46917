import { describe, expect, it } from 'vitest';
import { reuseRecentResult } from './reuseRecentResult.js';

/** A work function that counts its runs and finishes when told. */
function controlledWork() {
  let runs = 0;
  const pending: Array<{ resolve(value: number): void; reject(error: Error): void }> = [];
  return {
    work: () =>
      new Promise<number>((resolve, reject) => {
        runs++;
        pending.push({ resolve, reject });
      }),
    runs: () => runs,
    finish: (value: number) => pending.shift()!.resolve(value),
    fail: () => pending.shift()!.reject(new Error('check failed')),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('reuseRecentResult', () => {
  it('shares one run among the calls that come while it is in flight', async () => {
    const work = controlledWork();
    const recent = reuseRecentResult(1_000, work.work);
    const answers = [recent(), recent(), recent()];
    await settle();
    work.finish(7);
    expect(await Promise.all(answers)).toEqual([7, 7, 7]);
    expect(work.runs()).toBe(1);
  });

  it('reuses the result for its time to live, then runs again', async () => {
    let clock = 0;
    const work = controlledWork();
    const recent = reuseRecentResult(1_000, work.work, () => clock);
    const first = recent();
    await settle();
    work.finish(1);
    expect(await first).toBe(1);
    clock = 999;
    expect(await recent()).toBe(1);
    expect(work.runs()).toBe(1);
    clock = 1_000;
    const second = recent();
    await settle();
    work.finish(2);
    expect(await second).toBe(2);
    expect(work.runs()).toBe(2);
  });

  it('keeps no failure: the next call runs again', async () => {
    const work = controlledWork();
    const recent = reuseRecentResult(1_000, work.work, () => 0);
    const failing = recent();
    await settle();
    work.fail();
    await expect(failing).rejects.toThrow('check failed');
    const retried = recent();
    await settle();
    work.finish(3);
    expect(await retried).toBe(3);
    expect(work.runs()).toBe(2);
  });
});
