import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  commonSettings,
  plainSetting,
  readSettings,
  settingTypes,
  type Setting,
  type SettingValues,
} from '../core/config/index.js';
import { actingServiceSettings } from './graph/serviceSettings.js';
import { dataDirectory } from '../core/config/processLocations.js';
import { KEEP_ANSWERS_DAYS_DEFAULT } from './engine/forgetAnswers.js';

/** Where `npm run applications` answers /health and /ready unless APPLICATIONS_PORT says otherwise. */
export const APPLICATIONS_DEFAULT_PORT = 4005;
/** The embedded PostgreSQL's port when APPLICATIONS_DATABASE_URL is unset: clear of a machine's own 5432. */
export const EMBEDDED_POSTGRES_DEFAULT_PORT = 5440;

/** What `npm run applications` runs with, checked before anything starts. */
export interface ApplicationsConfig {
  port: number;
  host: string;
  /** PostgreSQL; null: the embedded one under `embeddedFolder`, started and stopped by this process. */
  databaseUrl: string | null;
  embeddedFolder: string;
  embeddedPort: number;
  schema: string;
  executorId: string;
  concurrency: number;
  /** Days an ended application's answers and DBOS's records of it are kept (forgetAnswers.ts). */
  keepAnswersDays: number;
  logLevel: string;
  /** The checked values, for the service's graph client (openActingGraphClient). */
  values: SettingValues;
}

const plain = plainSetting;
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/i, 'must be a postgres:// URL');
const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,40}$/, 'must be a lower-case SQL name, e.g. applications');
const executorId = z.string().regex(/^[\w.-]{1,100}$/, 'must be letters, digits, dots, dashes or underscores');

/** Every variable the applications process reads: README's settings table is checked against this list. */
export function applicationsSettings(): Setting[] {
  const t = settingTypes;
  return [
    ...commonSettings(),
    plain('APPLICATIONS_PORT', t.port, String(APPLICATIONS_DEFAULT_PORT)),
    plain('APPLICATIONS_HOST', t.host, '127.0.0.1'),
    plain('APPLICATIONS_DATABASE_URL', postgresUrl, 'unset: an embedded PostgreSQL under `data/applications-pg/`', {
      requiredInProduction: true,
      secret: true,
    }),
    plain('APPLICATIONS_EMBEDDED_POSTGRES_PORT', t.port, String(EMBEDDED_POSTGRES_DEFAULT_PORT)),
    plain('APPLICATIONS_SCHEMA', schemaName, 'applications'),
    plain('APPLICATIONS_EXECUTOR_ID', executorId, "the host's name"),
    plain('APPLICATIONS_CONCURRENCY', t.positiveWholeNumber, '20'),
    plain('APPLICATIONS_KEEP_ANSWERS_DAYS', t.positiveWholeNumber, String(KEEP_ANSWERS_DAYS_DEFAULT)),
    // How the service acts through the gateway (applications/graph/serviceSettings.ts).
    ...actingServiceSettings(),
  ];
}

/** Reads and checks the applications process's settings; throws a ConfigurationError listing every problem. */
export function readApplicationsConfig(env: Readonly<Record<string, string | undefined>>): ApplicationsConfig {
  const values = readSettings('applications', applicationsSettings(), env);
  return {
    port: (values.APPLICATIONS_PORT as number | undefined) ?? APPLICATIONS_DEFAULT_PORT,
    host: (values.APPLICATIONS_HOST as string | undefined) ?? '127.0.0.1',
    databaseUrl: (values.APPLICATIONS_DATABASE_URL as string | undefined) ?? null,
    embeddedFolder: join(dataDirectory(env as NodeJS.ProcessEnv), 'applications-pg'),
    embeddedPort: (values.APPLICATIONS_EMBEDDED_POSTGRES_PORT as number | undefined) ?? EMBEDDED_POSTGRES_DEFAULT_PORT,
    schema: (values.APPLICATIONS_SCHEMA as string | undefined) ?? 'applications',
    executorId: (values.APPLICATIONS_EXECUTOR_ID as string | undefined) ?? hostname(),
    concurrency: (values.APPLICATIONS_CONCURRENCY as number | undefined) ?? 20,
    keepAnswersDays: (values.APPLICATIONS_KEEP_ANSWERS_DAYS as number | undefined) ?? KEEP_ANSWERS_DAYS_DEFAULT,
    logLevel: (values.LOG_LEVEL as string | undefined) ?? 'info',
    values,
  };
}
