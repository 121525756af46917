import { DEFAULT_SEED, generateDataSet } from './generateDataSet.js';
import type { DataSet } from './model.js';

const loaded = new Map<number, DataSet>();

/**
 * The data set for a seed (DATA_SEED in the environment, or the default), generated once per
 * process: the three mocks in one process share it, and tests compare against the same copy.
 */
export function loadDataSet(seed: number = seedFromEnvironment()): DataSet {
  let dataSet = loaded.get(seed);
  if (!dataSet) {
    dataSet = generateDataSet(seed);
    loaded.set(seed, dataSet);
  }
  return dataSet;
}

function seedFromEnvironment(): number {
  const raw = process.env.DATA_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error('DATA_SEED must be an integer');
  return seed;
}
