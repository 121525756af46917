import { DEFAULT_SEED, generateDataSet } from './generateDataSet.js';
import type { DataSet } from './model.js';

const loaded = new Map<number, DataSet>();

/**
 * The data set for a seed (DATA_SEED, read by the stand-ins' config: legacyMockConfig.ts; the
 * default otherwise), generated once per process: the three mocks in one process share it, and
 * tests compare against the same copy.
 */
export function loadDataSet(seed: number = DEFAULT_SEED): DataSet {
  let dataSet = loaded.get(seed);
  if (!dataSet) {
    dataSet = generateDataSet(seed);
    loaded.set(seed, dataSet);
  }
  return dataSet;
}
