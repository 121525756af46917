import { describe, expect, it } from 'vitest';
import { batchByKey } from './batchByKey.js';

/** A fake legacy operation that knows even numbers, recording each batch it is sent. */
function evenNumbers() {
  const batches: string[][] = [];
  return {
    batches,
    fetchBatch: async (keys: string[]) => {
      batches.push(keys);
      return keys.filter((key) => Number(key) % 2 === 0).map((key) => [key, `record ${key}`] as const);
    },
  };
}

const canonicalNumber = (key: string) => (/^\s*\d+\s*$/.test(key) ? String(Number(key)) : null);

describe('batchByKey', () => {
  it('sends distinct canonical keys in chunks of the maximum, in the order first seen', async () => {
    const system = evenNumbers();
    const keys = Array.from({ length: 250 }, (_, index) => String(index));
    const found = await batchByKey([...keys, ...keys], {
      canonicalOf: canonicalNumber,
      maximum: 100,
      fetchBatch: system.fetchBatch,
    });
    expect(system.batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(system.batches.flat()).toEqual(keys);
    expect(found.size).toBe(125);
  });

  it('answers every spelling of a key under the spelling given, and leaves unknown keys out', async () => {
    const system = evenNumbers();
    const found = await batchByKey(['4', ' 4', '04', '3'], {
      canonicalOf: canonicalNumber,
      maximum: 100,
      fetchBatch: system.fetchBatch,
    });
    expect(system.batches).toEqual([['4', '3']]);
    expect([...found]).toEqual([
      ['4', 'record 4'],
      [' 4', 'record 4'],
      ['04', 'record 4'],
    ]);
  });

  it('sends nothing for keys the system cannot hold, nor for no keys', async () => {
    const system = evenNumbers();
    expect(
      (await batchByKey(['x', 'y'], { canonicalOf: canonicalNumber, maximum: 100, fetchBatch: system.fetchBatch }))
        .size,
    ).toBe(0);
    expect(
      (await batchByKey([], { canonicalOf: canonicalNumber, maximum: 100, fetchBatch: system.fetchBatch })).size,
    ).toBe(0);
    expect(system.batches).toEqual([]);
  });

  it('ignores an answer for a key nobody asked for', async () => {
    const found = await batchByKey(['2'], {
      canonicalOf: canonicalNumber,
      maximum: 100,
      fetchBatch: async () => [['2', 'two'] as const, ['8', 'eight'] as const],
    });
    expect([...found]).toEqual([['2', 'two']]);
  });
});
