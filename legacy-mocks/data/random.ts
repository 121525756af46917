import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of choices, so that the data set is the same on every start and machine. */
export interface Random {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => int(0, 999_999) < probability * 1_000_000,
  };
}

/**
 * A stable number from a string key (FNV-1a, 32 bit). Values computed on demand (monthly
 * contributions, filings, tax returns) derive from it, so they need no storage and never change.
 */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable integer in [min, max] from a string key. */
export function stableInt(key: string, min: number, max: number): number {
  return min + (hashOf(key) % (max - min + 1));
}
