import { join, resolve } from 'node:path';
import { departmentSettings, type Department } from '../../registry/departments.js';
import {
  commonSettings,
  plainSetting,
  departmentVariable,
  legacySecretSettings,
  productionKeyProblem,
  readSettings,
  settingTypes,
  type CrossCheck,
  type Setting,
  type SettingValues,
} from '../../core/config/index.js';
import { actingServiceSettings, applicationsDatabaseSettings } from '../../applications/graph/serviceSettings.js';
import {
  checkpointerSettings,
  checkpointExportCheck,
  checkpointExportSettings,
  readCheckpointSettings,
  type CheckpointSettings,
} from '../../access-log/index.js';
import { DEFAULT_PRIVACY_DIR } from '../../core/repositoryRoot.js';
import { readLegacyGuardOptions } from './resilience/index.js';
import type { LegacyGuardOptions } from './resilience/LegacyGuard.js';
import type { LegacyCredentials } from './SubgraphSettings.js';

/** What one subgraph process runs with, checked before it starts (runSubgraphMain). */
export interface SubgraphConfig {
  production: boolean;
  port: number;
  host: string;
  /** '' for a department without a legacy system (platform). */
  legacyUrl: string;
  legacyTimeoutMs: number | undefined;
  /** Where the gateway's published keys are: a JWKS file or URL, or one public key file (no rotation). */
  gatewayKeys: { jwksFile?: string; jwksUrl?: string; publicKeyFile?: string };
  auditChain: string | undefined;
  /** The access log's database (AUDIT_DATABASE_URL); undefined: the SQLite file under the data folder. */
  auditDatabaseUrl: string | undefined;
  /** The platform's: how it signs checkpoints and where it exports them. */
  checkpoints: CheckpointSettings | undefined;
  /** The legacy guard's knobs from <DEPT>_LEGACY_* and LEGACY_TIMEOUT_MS, defaults filled in; undefined without a legacy system. */
  legacyGuard: Omit<LegacyGuardOptions, 'events'> | undefined;
  /** The department's policy file: <PRIVACY_DIR or privacy/>/<department>.yaml, absolute. */
  policyFile: string;
  /** Where its certificates say they are verified (CERTIFICATE_VERIFY_URL); undefined: the local gateway's. */
  certificateVerifyUrl: string | undefined;
  /** What the legacy system issued to the subgraph (TAX_LEGACY_API_KEY, SOCIAL_LEGACY_*); unset: development values. */
  legacyCredentials: LegacyCredentials;
  /** The platform's: the checked APPLICATIONS_* settings its applications front desk opens with (runSubgraphMain). */
  applications: SettingValues | undefined;
}

const plain = plainSetting;

/**
 * Every variable a department's subgraph reads, the department's own derived from the registry's
 * names; README's settings table is checked against this list for every department.
 */
export function subgraphSettings(department: Department): Setting[] {
  const t = settingTypes;
  const registry = departmentSettings(department);
  const legacy = registry.legacy;
  const own = (suffix: string, schema: Setting['schema'], defaultText: string): Setting => ({
    ...departmentVariable(department, suffix),
    schema,
    defaultText,
  });
  return [
    ...commonSettings(),
    // The registry's own names for the port and the legacy URL, so the two cannot drift apart.
    {
      name: registry.subgraphPortVariable,
      documentedAs: '<DEPARTMENT>_SUBGRAPH_PORT',
      schema: t.port,
      defaultText: "the department's subgraph port ([departments](#departments))",
    },
    plain('SUBGRAPH_HOST', t.host, '127.0.0.1'),
    ...(legacy
      ? [
          {
            name: legacy.urlVariable,
            documentedAs: '<DEPARTMENT>_LEGACY_URL',
            schema: t.httpUrl,
            defaultText: '`http://127.0.0.1:<legacy system port>` ([departments](#departments))',
          },
          plain('LEGACY_TIMEOUT_MS', t.positiveNumber, '2000'),
          own('LEGACY_TIMEOUT_MS', t.positiveNumber, 'LEGACY_TIMEOUT_MS'),
          own('LEGACY_BUDGET_MS', t.positiveNumber, '2.5 × the timeout (`5000`)'),
          own('LEGACY_RETRIES', t.wholeNumber, '2'),
          own('LEGACY_MAX_CONCURRENT', t.positiveWholeNumber, '16'),
          own('LEGACY_BREAKER_RESET_MS', t.positiveNumber, '10000'),
          ...legacySecretSettings(department),
        ]
      : []),
    plain('GATEWAY_JWKS_FILE', t.file, "the development key's public half"),
    plain('GATEWAY_JWKS_URL', t.httpUrl, 'unset'),
    plain('GATEWAY_PUBLIC_KEY_FILE', t.file, 'development key in `data/keys/`'),
    plain('PRIVACY_DIR', t.file, 'privacy/'),
    // Seal keys: a department seals its certificates with its own; the platform verifies with everyone's published ones.
    plain('SEAL_KEYS_DIR', t.file, 'development keys in `data/keys/seals/` (made on first use)', {
      requiredInProduction: true,
    }),
    ...(legacy ? [plain('CERTIFICATE_VERIFY_URL', t.httpUrl, 'http://127.0.0.1:4000/certificates/verify')] : []),
    plain('AUDIT_DATABASE_URL', t.databaseUrl, 'SQLite file `data/audit/access-log.db`'),
    plain('AUDIT_SQLITE_SINGLE_NODE', t.flag, '0'),
    plain('AUDIT_CHAIN', t.text, 'department, host, process id and a random part'),
    // The platform signs and exports the checkpoints: access-log/checkpoints/checkpointSettings.ts.
    ...(department === 'platform' ? [...checkpointExportSettings(), ...checkpointerSettings()] : []),
    // The platform is the one-stop applications' front desk: their database, and the service's way into the graph.
    ...(department === 'platform' ? [...applicationsDatabaseSettings(), ...actingServiceSettings()] : []),
  ];
}

const productionTrustAndLog: CrossCheck = (values, production) => {
  if (!production) return [];
  const problems: string[] = [];
  if (values.GATEWAY_JWKS_FILE === undefined && values.GATEWAY_JWKS_URL === undefined)
    problems.push(
      'GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL is required when NODE_ENV=production (the development gateway key is refused)',
    );
  problems.push(
    ...productionKeyProblem('GATEWAY_JWKS_FILE', values.GATEWAY_JWKS_FILE),
    ...productionKeyProblem('GATEWAY_PUBLIC_KEY_FILE', values.GATEWAY_PUBLIC_KEY_FILE),
    ...productionKeyProblem('AUDIT_CHECKPOINT_KEY_FILE', values.AUDIT_CHECKPOINT_KEY_FILE),
    ...productionKeyProblem(
      'SEAL_KEYS_DIR',
      values.SEAL_KEYS_DIR === undefined ? undefined : `${String(values.SEAL_KEYS_DIR)}/`,
    ),
  );
  const url = values.AUDIT_DATABASE_URL as string | undefined;
  const postgres = url !== undefined && /^postgres(ql)?:\/\//.test(url);
  if (!postgres && values.AUDIT_SQLITE_SINGLE_NODE !== '1')
    problems.push(
      'AUDIT_DATABASE_URL must be postgres://… when NODE_ENV=production; a SQLite log serves one node only, ' +
        'so it needs AUDIT_DATABASE_URL=sqlite:/path/file.db and AUDIT_SQLITE_SINGLE_NODE=1',
    );
  else if (!postgres && url === undefined)
    problems.push('AUDIT_SQLITE_SINGLE_NODE=1 needs AUDIT_DATABASE_URL=sqlite:/path/file.db, outside data/');
  return problems;
};

/** Reads and checks a subgraph's settings; throws a ConfigurationError listing every problem. */
export function readSubgraphConfig(
  department: Department,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SubgraphConfig {
  const registry = departmentSettings(department);
  const checks = department === 'platform' ? [productionTrustAndLog, checkpointExportCheck] : [productionTrustAndLog];
  const values = readSettings(`${department} subgraph`, subgraphSettings(department), env, checks);
  return {
    production: values.NODE_ENV === 'production',
    port: (values[registry.subgraphPortVariable] as number | undefined) ?? registry.subgraphPort,
    host: (values.SUBGRAPH_HOST as string | undefined) ?? '127.0.0.1',
    legacyUrl: registry.legacy
      ? ((values[registry.legacy.urlVariable] as string | undefined) ?? registry.legacy.defaultUrl)
      : '',
    legacyTimeoutMs: values.LEGACY_TIMEOUT_MS as number | undefined,
    gatewayKeys: {
      jwksFile: values.GATEWAY_JWKS_FILE as string | undefined,
      jwksUrl: values.GATEWAY_JWKS_URL as string | undefined,
      publicKeyFile: values.GATEWAY_PUBLIC_KEY_FILE as string | undefined,
    },
    auditChain: values.AUDIT_CHAIN as string | undefined,
    auditDatabaseUrl: values.AUDIT_DATABASE_URL as string | undefined,
    checkpoints: department === 'platform' ? readCheckpointSettings(values) : undefined,
    applications: department === 'platform' ? values : undefined,
    legacyGuard: registry.legacy ? legacyGuardOf(department, env) : undefined,
    policyFile: join(resolve((values.PRIVACY_DIR as string | undefined) ?? DEFAULT_PRIVACY_DIR), `${department}.yaml`),
    certificateVerifyUrl: values.CERTIFICATE_VERIFY_URL as string | undefined,
    legacyCredentials: {
      apiKey: values.TAX_LEGACY_API_KEY as string | undefined,
      username: values.SOCIAL_LEGACY_USERNAME as string | undefined,
      password: values.SOCIAL_LEGACY_PASSWORD as string | undefined,
    },
  };
}

// The guard's variables, after the schema above has checked them (kit/resilience/readLegacyGuardOptions.ts).
function legacyGuardOf(department: Department, env: Readonly<Record<string, string | undefined>>) {
  const { events: _events, ...options } = readLegacyGuardOptions(department, { environment: env });
  return options;
}
