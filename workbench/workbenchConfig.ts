import { resolve } from 'node:path';
import { GATEWAY_DEFAULT_PORT } from '../registry/departments.js';
import {
  commonSettings,
  plainSetting,
  productionKeyProblem,
  readSettings,
  settingTypes,
  type CrossCheck,
  type Setting,
} from '../core/config/index.js';
import {
  CLOCK_SKEW_S,
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  MAX_OFFICER_TOKEN_LIFETIME_S,
  MAX_PORTAL_TOKEN_LIFETIME_S,
} from '../core/index.js';
import {
  WORKBENCH_RATE_LIMIT_COST,
  WORKBENCH_RATE_LIMIT_WINDOW_S,
  type WorkbenchLimits,
} from './limitWorkbenchCallers.js';

/** Where `npm run workbench` listens unless WORKBENCH_PORT says otherwise. */
export const WORKBENCH_DEFAULT_PORT = 4090;

/** What `npm run workbench` (or `node dist/workbench/main.js`) runs with, checked before anything starts. */
export interface WorkbenchConfig {
  port: number;
  host: string;
  /** The gateway whose /graphql the page's access log search is passed to. */
  gatewayUrl: string;
  /** Whose tokens it accepts: the gateway's identity settings, read under the same names. */
  identity: {
    jwksUrl?: string;
    jwksFile?: string;
    issuer: string;
    audience: string;
    maxLifetimeSeconds: { portal: number; officer: number };
    clockSkewSeconds: number;
  };
  /** The policy folder in force (absolute); undefined: the repository's privacy/. */
  policyFolder: string | undefined;
  limits: WorkbenchLimits;
}

const plain = plainSetting;

/** Every variable the privacy workbench reads: README's settings table is checked against this list. */
export function workbenchSettings(): Setting[] {
  const t = settingTypes;
  return [
    ...commonSettings(),
    plain('WORKBENCH_PORT', t.port, String(WORKBENCH_DEFAULT_PORT)),
    plain('WORKBENCH_HOST', t.host, '127.0.0.1'),
    plain('WORKBENCH_GATEWAY_URL', t.httpUrl, `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}`),
    plain('WORKBENCH_RATE_LIMIT_COST', t.positiveWholeNumber, String(WORKBENCH_RATE_LIMIT_COST)),
    plain('WORKBENCH_RATE_LIMIT_WINDOW_S', t.positiveWholeNumber, String(WORKBENCH_RATE_LIMIT_WINDOW_S)),
    plain('AUTH_JWKS_URL', t.httpUrl, 'unset'),
    plain('AUTH_JWKS_FILE', t.file, 'unset'),
    plain('AUTH_ISSUER', t.text, DEV_ISSUER, { requiredInProduction: true, developmentValue: DEV_ISSUER }),
    plain('AUTH_AUDIENCE', t.text, DEFAULT_AUDIENCE),
    plain('AUTH_MAX_TOKEN_LIFETIME_S', t.wholeNumber, String(MAX_PORTAL_TOKEN_LIFETIME_S)),
    plain('AUTH_MAX_OFFICER_TOKEN_LIFETIME_S', t.wholeNumber, String(MAX_OFFICER_TOKEN_LIFETIME_S)),
    plain('AUTH_CLOCK_SKEW_S', t.wholeNumber, String(CLOCK_SKEW_S)),
    plain('PRIVACY_DIR', t.file, 'privacy/'),
  ];
}

// As the gateway's: production verifies tokens with the identity provider's keys, never the development issuer's.
const productionIdentity: CrossCheck = (values, production) => {
  if (!production) return [];
  return [
    ...(values.AUTH_JWKS_URL === undefined && values.AUTH_JWKS_FILE === undefined
      ? ['AUTH_JWKS_URL or AUTH_JWKS_FILE is required when NODE_ENV=production (the development issuer is refused)']
      : []),
    ...productionKeyProblem('AUTH_JWKS_FILE', values.AUTH_JWKS_FILE),
  ];
};

/** Reads and checks the workbench's settings; throws a ConfigurationError listing every problem. */
export function readWorkbenchConfig(env: Readonly<Record<string, string | undefined>>): WorkbenchConfig {
  const values = readSettings('privacy workbench', workbenchSettings(), env, [productionIdentity]);
  const jwksUrl = values.AUTH_JWKS_URL as string | undefined;
  const jwksFile = values.AUTH_JWKS_FILE as string | undefined;
  const policyFolder = values.PRIVACY_DIR as string | undefined;
  return {
    port: (values.WORKBENCH_PORT as number | undefined) ?? WORKBENCH_DEFAULT_PORT,
    host: (values.WORKBENCH_HOST as string | undefined) ?? '127.0.0.1',
    gatewayUrl: (values.WORKBENCH_GATEWAY_URL as string | undefined) ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}`,
    identity: {
      ...(jwksUrl ? { jwksUrl } : {}),
      ...(jwksFile ? { jwksFile } : {}),
      issuer: (values.AUTH_ISSUER as string | undefined) ?? DEV_ISSUER,
      audience: (values.AUTH_AUDIENCE as string | undefined) ?? DEFAULT_AUDIENCE,
      maxLifetimeSeconds: {
        portal: (values.AUTH_MAX_TOKEN_LIFETIME_S as number | undefined) ?? MAX_PORTAL_TOKEN_LIFETIME_S,
        officer: (values.AUTH_MAX_OFFICER_TOKEN_LIFETIME_S as number | undefined) ?? MAX_OFFICER_TOKEN_LIFETIME_S,
      },
      clockSkewSeconds: (values.AUTH_CLOCK_SKEW_S as number | undefined) ?? CLOCK_SKEW_S,
    },
    policyFolder: policyFolder ? resolve(policyFolder) : undefined,
    limits: {
      costPerWindow: (values.WORKBENCH_RATE_LIMIT_COST as number | undefined) ?? WORKBENCH_RATE_LIMIT_COST,
      windowSeconds: (values.WORKBENCH_RATE_LIMIT_WINDOW_S as number | undefined) ?? WORKBENCH_RATE_LIMIT_WINDOW_S,
    },
  };
}
