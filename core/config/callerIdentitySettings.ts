import {
  CLOCK_SKEW_S,
  MAX_OFFICER_TOKEN_LIFETIME_S,
  MAX_PORTAL_TOKEN_LIFETIME_S,
} from '../identity/verifyBearerToken.js';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../identity/developmentIssuer.js';
import { productionKeyProblem } from './commonSettings.js';
import type { CrossCheck, SettingValues } from './readSettings.js';
import { plainSetting, settingTypes, type Setting } from './Setting.js';

/** Whose bearer tokens a piece accepts, as its settings give it (the keys not yet fetched). */
export interface CallerIdentitySettings {
  /** The identity provider's published keys; neither: the development issuer's key under data/keys. */
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
  maxLifetimeSeconds: { portal: number; officer: number };
  clockSkewSeconds: number;
}

/**
 * The settings of every piece that checks a caller's bearer token (core/identity/verifyBearerToken.ts:
 * the gateway, the privacy workbench), under the same names everywhere, so one identity provider
 * is configured once for all of them.
 */
export function callerIdentitySettings(): Setting[] {
  const t = settingTypes;
  return [
    plainSetting('AUTH_JWKS_URL', t.httpUrl, 'unset'),
    plainSetting('AUTH_JWKS_FILE', t.file, 'unset'),
    plainSetting('AUTH_ISSUER', t.text, DEV_ISSUER, { requiredInProduction: true, developmentValue: DEV_ISSUER }),
    plainSetting('AUTH_AUDIENCE', t.text, DEFAULT_AUDIENCE),
    plainSetting('AUTH_MAX_TOKEN_LIFETIME_S', t.wholeNumber, String(MAX_PORTAL_TOKEN_LIFETIME_S)),
    plainSetting('AUTH_MAX_OFFICER_TOKEN_LIFETIME_S', t.wholeNumber, String(MAX_OFFICER_TOKEN_LIFETIME_S)),
    plainSetting('AUTH_CLOCK_SKEW_S', t.wholeNumber, String(CLOCK_SKEW_S)),
  ];
}

/** Production verifies tokens with the identity provider's keys, never the development issuer's. */
export const productionCallerIdentity: CrossCheck = (values, production) => {
  if (!production) return [];
  return [
    ...(values.AUTH_JWKS_URL === undefined && values.AUTH_JWKS_FILE === undefined
      ? ['AUTH_JWKS_URL or AUTH_JWKS_FILE is required when NODE_ENV=production (the development issuer is refused)']
      : []),
    ...productionKeyProblem('AUTH_JWKS_FILE', values.AUTH_JWKS_FILE),
  ];
};

/** The identity settings from values checked against callerIdentitySettings(), defaults filled in. */
export function readCallerIdentity(values: SettingValues): CallerIdentitySettings {
  const jwksUrl = values.AUTH_JWKS_URL as string | undefined;
  const jwksFile = values.AUTH_JWKS_FILE as string | undefined;
  return {
    ...(jwksUrl ? { jwksUrl } : {}),
    ...(jwksFile ? { jwksFile } : {}),
    issuer: (values.AUTH_ISSUER as string | undefined) ?? DEV_ISSUER,
    audience: (values.AUTH_AUDIENCE as string | undefined) ?? DEFAULT_AUDIENCE,
    maxLifetimeSeconds: {
      portal: (values.AUTH_MAX_TOKEN_LIFETIME_S as number | undefined) ?? MAX_PORTAL_TOKEN_LIFETIME_S,
      officer: (values.AUTH_MAX_OFFICER_TOKEN_LIFETIME_S as number | undefined) ?? MAX_OFFICER_TOKEN_LIFETIME_S,
    },
    clockSkewSeconds: (values.AUTH_CLOCK_SKEW_S as number | undefined) ?? CLOCK_SKEW_S,
  };
}
