import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPARTMENT_SETTINGS, GATEWAY_DEFAULT_PORT } from '../registry/departments.js';
import {
  callerIdentitySettings,
  commonSettings,
  plainSetting,
  productionCallerIdentity,
  productionKeyProblem,
  readCallerIdentity,
  readSettings,
  settingTypes,
  type CrossCheck,
  type Setting,
} from '../core/config/index.js';
import { DEFAULT_PRIVACY_DIR } from '../core/index.js';
import type { IdentitySettings } from './auth.js';
import { callerLimitsFromEnvironment, type CallerLimits } from './limitCallers.js';
import {
  CREATE_BUDGET_PER_DAY,
  createBudgetsSetting,
  creationBudgetsFromEnvironment,
  type CreationBudgets,
} from './limitCreations.js';
import { limitsFromEnvironment, type QueryLimits } from './limits.js';
import { addressListSetting } from './findClientAddress.js';
import { trustedDocumentsSetting, type TrustedDocumentsSetting } from './requireTrustedDocuments.js';

/** What `node dist/gateway/main.js` (or `npm run gateway`) runs with, checked before anything starts. */
export interface GatewayConfig {
  production: boolean;
  port: number;
  host: string;
  supergraphFile: string;
  composeFromSubgraphs: boolean;
  /** Only the departments whose URL variable is set; the others use the supergraph's routing URL. */
  subgraphUrls: Record<string, string>;
  /** The gateway's signing key (private JWK); undefined: the development key under data/keys. */
  privateKeyFile: string | undefined;
  /** The published gateway keys (public JWKS) the subgraphs trust; served at /internal/jwks.json. */
  jwksFile: string | undefined;
  /** Proxies whose X-Forwarded-For names the client (gateway/findClientAddress.ts); empty: none. */
  trustedProxies: string[];
  /** Who may read /ready and /metrics; undefined: anyone. */
  operatorAddresses: string[] | undefined;
  /** How long a request may wait for the departments (gateway/createGateway.ts); undefined: its default. */
  requestDeadlineMs: number | undefined;
  /** What the gateway refuses, and whether introspection is on (gateway/limits.ts). */
  limits: QueryLimits;
  /** Per-caller rate and in-flight limits, and where they are counted (gateway/limitCallers.ts). */
  callerLimits: CallerLimits;
  /** Budgets of the mutations that create something (gateway/limitCreations.ts). */
  creationBudgets: CreationBudgets;
  /** The portal's trusted documents and applications (gateway/requireTrustedDocuments.ts), not yet read; null: none. */
  trustedDocuments: TrustedDocumentsSetting | null;
  /** Whose tokens the gateway accepts (gateway/auth.ts), their purposes from `<privacyDir>/roles.yaml`. */
  identity: IdentitySettings;
  /** The privacy policy folder (PRIVACY_DIR; privacy/ by default), absolute. */
  privacyDir: string;
  /** The applications service's public key (APPLICATIONS_PUBLIC_KEY_FILE); undefined: the development key. */
  applicationsPublicKeyFile: string | undefined;
  /** The matters the applications service may act in (MATTERS_DIR; matters/ by default), absolute. */
  mattersDir: string;
}

const plain = plainSetting;

/** Every variable the gateway reads: README's settings table is checked against this list. */
export function gatewaySettings(): Setting[] {
  const t = settingTypes;
  return [
    ...commonSettings(),
    plain('GATEWAY_PORT', t.port, String(GATEWAY_DEFAULT_PORT)),
    plain('GATEWAY_HOST', t.host, '127.0.0.1'),
    ...DEPARTMENT_SETTINGS.map((department) => ({
      name: department.subgraphUrlVariable,
      documentedAs: '<DEPARTMENT>_SUBGRAPH_URL',
      schema: t.httpUrl,
      defaultText:
        'the routing URLs in `supergraph.graphql`: `http://127.0.0.1:<subgraph port>/graphql` ([departments](#departments))',
    })),
    plain('SUPERGRAPH_FILE', t.file, 'supergraph.graphql'),
    plain('GATEWAY_COMPOSE', t.flag, '0'),
    plain('GRAPHQL_MAX_DEPTH', t.positiveWholeNumber, '12'),
    plain('GRAPHQL_MAX_ALIASES', t.positiveWholeNumber, '30'),
    plain('GRAPHQL_MAX_DIRECTIVES', t.positiveWholeNumber, '20'),
    plain('GRAPHQL_MAX_TOKENS', t.positiveWholeNumber, '2000'),
    plain('GRAPHQL_MAX_COST', t.positiveWholeNumber, '5000'),
    plain('GRAPHQL_MAX_SELECTIONS', t.positiveWholeNumber, '1000'),
    plain('GATEWAY_MAX_ERRORS', t.positiveWholeNumber, '100'),
    plain('GATEWAY_MAX_RESPONSE_BYTES', t.positiveWholeNumber, '2097152'),
    plain('GATEWAY_REQUEST_DEADLINE_MS', t.positiveWholeNumber, '5000'),
    plain('GATEWAY_RATE_LIMIT_COST', t.positiveWholeNumber, '5000'),
    plain('GATEWAY_RATE_LIMIT_WINDOW_S', t.positiveWholeNumber, '10'),
    plain('GATEWAY_MAX_IN_FLIGHT', t.positiveWholeNumber, '10'),
    // Mutations that create something, per caller, subject and day (gateway/limitCreations.ts reads them when the gateway starts).
    plain('GATEWAY_CREATE_BUDGET_PER_DAY', t.positiveWholeNumber, String(CREATE_BUDGET_PER_DAY)),
    plain('GATEWAY_CREATE_BUDGETS', createBudgetsSetting, 'unset'),
    plain('REDIS_URL', t.redisUrl, "unset (counters in the gateway's memory)"),
    plain('GATEWAY_RATE_LIMIT_PREFIX', t.text, 'city-graph'),
    plain('TRUSTED_PROXIES', addressListSetting, 'unset (`X-Forwarded-For` is never read)'),
    plain('OPERATOR_ADDRESSES', addressListSetting, 'unset (anyone)'),
    plain('GRAPHQL_INTROSPECTION', t.onOff, 'on'),
    // Whose bearer tokens it accepts (the workbench reads the same settings).
    ...callerIdentitySettings(),
    plain('GATEWAY_PRIVATE_KEY_FILE', t.file, 'development key pair in `data/keys/`', { requiredInProduction: true }),
    plain('GATEWAY_JWKS_FILE', t.file, "the development key's public half", { requiredInProduction: true }),
    plain('PRIVACY_DIR', t.file, 'privacy/'),
    // The one-stop applications service's tokens (gateway/actingCallers.ts): its public key, and the matters it may act in.
    plain('APPLICATIONS_PUBLIC_KEY_FILE', t.file, "the development key's public half in `data/keys/`", {
      requiredInProduction: true,
    }),
    plain('MATTERS_DIR', t.file, 'matters/'),
    // The departments' seal keys it publishes at /.well-known/seals/ (gateway/certificateRoutes.ts, at each request).
    plain('SEAL_KEYS_DIR', t.file, 'development keys in `data/keys/seals/` (made on first use)'),
    // The portal's trusted documents (gateway/requireTrustedDocuments.ts reads them when the gateway starts).
    plain('TRUSTED_DOCUMENTS_FILE', t.file, 'unset'),
    plain('PORTAL_APPLICATIONS', t.text, 'unset'),
  ];
}

const productionIdentity: CrossCheck = (values, production) => {
  if (!production) return [];
  return [
    ...productionCallerIdentity(values, production),
    ...productionKeyProblem('GATEWAY_PRIVATE_KEY_FILE', values.GATEWAY_PRIVATE_KEY_FILE),
    ...productionKeyProblem('GATEWAY_JWKS_FILE', values.GATEWAY_JWKS_FILE),
    ...productionKeyProblem('APPLICATIONS_PUBLIC_KEY_FILE', values.APPLICATIONS_PUBLIC_KEY_FILE),
  ];
};

// Portal applications without a manifest could send nothing (gateway/requireTrustedDocuments.ts).
const portalApplicationsNeedManifest: CrossCheck = (values) =>
  typeof values.PORTAL_APPLICATIONS === 'string' &&
  values.PORTAL_APPLICATIONS.split(',').some((name) => name.trim() !== '') &&
  values.TRUSTED_DOCUMENTS_FILE === undefined
    ? ['PORTAL_APPLICATIONS is set but TRUSTED_DOCUMENTS_FILE is not: set the manifest to enforce.']
    : [];

/**
 * Reads and checks the gateway's settings, once, at start: gateway/main.ts hands the result down
 * (startGateway reads no variable). Throws a ConfigurationError listing every problem.
 */
export function readGatewayConfig(env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const values = readSettings('gateway', gatewaySettings(), env, [productionIdentity, portalApplicationsNeedManifest]);
  const privacyDir = resolve((values.PRIVACY_DIR as string | undefined) ?? DEFAULT_PRIVACY_DIR);
  return {
    production: values.NODE_ENV === 'production',
    port: (values.GATEWAY_PORT as number | undefined) ?? GATEWAY_DEFAULT_PORT,
    host: (values.GATEWAY_HOST as string | undefined) ?? '127.0.0.1',
    supergraphFile: resolve(
      (values.SUPERGRAPH_FILE as string | undefined) ??
        fileURLToPath(new URL('../supergraph.graphql', import.meta.url)),
    ),
    composeFromSubgraphs: values.GATEWAY_COMPOSE === '1',
    subgraphUrls: Object.fromEntries(
      DEPARTMENT_SETTINGS.flatMap((department) => {
        const url = values[department.subgraphUrlVariable];
        return typeof url === 'string' ? [[department.name, url]] : [];
      }),
    ),
    privateKeyFile: values.GATEWAY_PRIVATE_KEY_FILE as string | undefined,
    jwksFile: values.GATEWAY_JWKS_FILE as string | undefined,
    trustedProxies: (values.TRUSTED_PROXIES as string[] | undefined) ?? [],
    operatorAddresses: values.OPERATOR_ADDRESSES as string[] | undefined,
    requestDeadlineMs: values.GATEWAY_REQUEST_DEADLINE_MS as number | undefined,
    // The schema above has checked these variables; each concern's reader turns them into its options.
    limits: limitsFromEnvironment(env),
    callerLimits: callerLimitsFromEnvironment(env),
    creationBudgets: creationBudgetsFromEnvironment(env),
    trustedDocuments: trustedDocumentsSetting(env),
    identity: { ...readCallerIdentity(values), rolesFile: join(privacyDir, 'roles.yaml') },
    applicationsPublicKeyFile: values.APPLICATIONS_PUBLIC_KEY_FILE as string | undefined,
    mattersDir: resolve(
      (values.MATTERS_DIR as string | undefined) ?? fileURLToPath(new URL('../matters', import.meta.url)),
    ),
    privacyDir,
  };
}
