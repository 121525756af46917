import { legacySettings, type LegacyDepartment } from '../registry/departments.js';
import {
  commonSettings,
  departmentVariable,
  legacySecretSettings,
  readSettings,
  settingTypes,
  type Setting,
} from '../core/config/index.js';
import { dataDirectory } from '../core/config/processLocations.js';
import { join, resolve } from 'node:path';
import { DATA_SEED_SETTING, DEFAULT_SEED } from './data/index.js';

/** What one legacy stand-in runs with, checked before it starts. */
export interface LegacyMockConfig {
  port: number;
  host: string;
  /** The seed of the data set it serves (DATA_SEED). */
  dataSeed: number;
  /** What it accepts from the subgraph (TAX_LEGACY_API_KEY, SOCIAL_LEGACY_*); unset: the development values. */
  legacyCredentials: LegacyMockCredentials;
  /** Where it keeps the writes it accepted, its overlay beside the data set (LEGACY_DATA_DIR). */
  dataDir: string;
}

/** A stand-in's accepted credentials, as the settings give them. */
export interface LegacyMockCredentials {
  apiKey?: string;
  username?: string;
  password?: string;
}

/** Every variable a department's legacy stand-in reads (its port derived from the registry's name). */
export function legacyMockSettings(department: LegacyDepartment): Setting[] {
  return [
    ...commonSettings(),
    {
      ...departmentVariable(department, 'LEGACY_PORT'),
      schema: settingTypes.port,
      defaultText: "the department's legacy system port ([departments](#departments))",
    },
    { name: 'LEGACY_HOST', documentedAs: 'LEGACY_HOST', schema: settingTypes.host, defaultText: '127.0.0.1' },
    DATA_SEED_SETTING,
    {
      name: 'LEGACY_DATA_DIR',
      documentedAs: 'LEGACY_DATA_DIR',
      schema: settingTypes.file,
      defaultText: '`legacy/` under `DATA_DIR`',
    },
    ...legacySecretSettings(department),
  ];
}

/** Reads and checks a legacy stand-in's settings; throws a ConfigurationError listing every problem. */
export function readLegacyMockConfig(
  department: LegacyDepartment,
  env: Readonly<Record<string, string | undefined>> = process.env,
): LegacyMockConfig {
  const values = readSettings(`${department} legacy system`, legacyMockSettings(department), env);
  return {
    port: (values[legacySettings(department).portVariable] as number | undefined) ?? legacySettings(department).port,
    host: (values.LEGACY_HOST as string | undefined) ?? '127.0.0.1',
    dataSeed: (values.DATA_SEED as number | undefined) ?? DEFAULT_SEED,
    legacyCredentials: {
      apiKey: values.TAX_LEGACY_API_KEY as string | undefined,
      username: values.SOCIAL_LEGACY_USERNAME as string | undefined,
      password: values.SOCIAL_LEGACY_PASSWORD as string | undefined,
    },
    dataDir: resolve((values.LEGACY_DATA_DIR as string | undefined) ?? join(dataDirectory(env), 'legacy')),
  };
}
