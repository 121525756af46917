import { resolve, sep } from 'node:path';
import { dataDirectory } from '../identity/keyFiles.js';
import { settingTypes, type Setting } from './Setting.js';

/** The variables every process kind reads. */
export function commonSettings(): Setting[] {
  return [
    {
      name: 'NODE_ENV',
      documentedAs: 'NODE_ENV',
      schema: settingTypes.nodeEnv,
      defaultText: 'unset (development)',
    },
    { name: 'LOG_LEVEL', documentedAs: 'LOG_LEVEL', schema: settingTypes.logLevel, defaultText: 'info' },
    { name: 'DATA_DIR', documentedAs: 'DATA_DIR', schema: settingTypes.file, defaultText: 'data/' },
  ];
}

/**
 * Production must not run on a development key: one made on first start under data/keys/ is
 * on one machine only and was never handed to anyone who guards keys.
 */
export function productionKeyProblem(variable: string, file: unknown): string[] {
  if (typeof file !== 'string') return [];
  const devFolder = resolve(dataDirectory(), 'keys') + sep;
  return resolve(file).startsWith(devFolder)
    ? [`${variable} names a development key under ${devFolder}, which NODE_ENV=production refuses`]
    : [];
}
