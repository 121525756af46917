import { readSettings, settingTypes, type Setting } from '../../core/config/index.js';
import { DEFAULT_SEED } from './generateDataSet.js';

/** DATA_SEED: which deterministic population the stand-ins serve (and the fixtures name). */
export const DATA_SEED_SETTING: Setting = {
  name: 'DATA_SEED',
  documentedAs: 'DATA_SEED',
  schema: settingTypes.integer,
  defaultText: String(DEFAULT_SEED),
};

/**
 * The data set's seed alone, from the variables an entry read at start: for the pieces that show
 * the stand-ins' data without serving it (the portal's development sign-in, `npm start`'s fixtures).
 */
export function readDataSeed(env: Readonly<Record<string, string | undefined>>): number {
  const values = readSettings('data set', [DATA_SEED_SETTING], env);
  return (values.DATA_SEED as number | undefined) ?? DEFAULT_SEED;
}
