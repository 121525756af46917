import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { plainSetting, settingTypes, type Setting, type SettingValues } from '../../core/config/index.js';
import { dataDirectory } from '../../core/config/processLocations.js';
import { APPLICATIONS_KEY_NAME } from '../../core/identity/actingToken.js';
import { DEFAULT_AUDIENCE } from '../../core/identity/developmentIssuer.js';
import { ensureDevKeyPair, readPrivateKey } from '../../core/identity/keyFiles.js';
import { createActingGraphClient, type ActingGraphClient } from './actingGraphClient.js';

/** Where the gateway is unless APPLICATIONS_GATEWAY_URL says otherwise: `npm start`'s. */
export const DEFAULT_GATEWAY_GRAPHQL_URL = 'http://127.0.0.1:4000/graphql';
/** The embedded PostgreSQL's port when APPLICATIONS_DATABASE_URL is unset (applicationsConfig.ts uses the same). */
const EMBEDDED_PORT = 5440;

/**
 * How the applications service reaches the graph, for every piece that acts as it (the
 * applications process, and the platform subgraph, which pre-fills forms): the gateway's URL,
 * the service's private key, and the gateway's audience.
 */
export function actingServiceSettings(): Setting[] {
  const t = settingTypes;
  return [
    plainSetting('APPLICATIONS_GATEWAY_URL', t.httpUrl, DEFAULT_GATEWAY_GRAPHQL_URL),
    plainSetting('APPLICATIONS_SIGNING_KEY_FILE', t.file, 'development key pair in `data/keys/`', {
      requiredInProduction: true,
      secret: true,
    }),
    plainSetting('AUTH_AUDIENCE', t.text, DEFAULT_AUDIENCE),
  ];
}

/** The platform subgraph's settings for the applications' database: the same names the applications process reads. */
export function applicationsDatabaseSettings(): Setting[] {
  const t = settingTypes;
  return [
    plainSetting(
      'APPLICATIONS_DATABASE_URL',
      z.string().regex(/^postgres(ql)?:\/\/.+/i, 'must be a postgres:// URL'),
      'unset: the embedded PostgreSQL `npm run applications` starts',
      { requiredInProduction: true, secret: true },
    ),
    plainSetting('APPLICATIONS_EMBEDDED_POSTGRES_PORT', t.port, String(EMBEDDED_PORT)),
    plainSetting(
      'APPLICATIONS_SCHEMA',
      z.string().regex(/^[a-z_][a-z0-9_]{0,40}$/, 'must be a lower-case SQL name, e.g. applications'),
      'applications',
    ),
  ];
}

/** The service's graph client from checked settings: its key from the file, or the development key (made on first use). */
export async function openActingGraphClient(values: SettingValues): Promise<ActingGraphClient> {
  const file =
    (values.APPLICATIONS_SIGNING_KEY_FILE as string | undefined) ??
    (await ensureDevKeyPair(APPLICATIONS_KEY_NAME)).privateFile;
  const { key, kid } = await readPrivateKey(file);
  return createActingGraphClient({
    gatewayUrl: (values.APPLICATIONS_GATEWAY_URL as string | undefined) ?? DEFAULT_GATEWAY_GRAPHQL_URL,
    key,
    ...(kid ? { kid } : {}),
    audience: (values.AUTH_AUDIENCE as string | undefined) ?? DEFAULT_AUDIENCE,
  });
}

/**
 * The applications' database URL from checked settings: APPLICATIONS_DATABASE_URL, or the
 * embedded PostgreSQL's under data/applications-pg/ (its password is written when it first
 * starts, so this is asked again at each connection attempt, not once).
 */
export function applicationsDatabaseUrl(values: SettingValues): () => string {
  const given = values.APPLICATIONS_DATABASE_URL as string | undefined;
  if (given) return () => given;
  const port = (values.APPLICATIONS_EMBEDDED_POSTGRES_PORT as number | undefined) ?? EMBEDDED_PORT;
  const passwordFile = join(dataDirectory(), 'applications-pg', 'password');
  return () => {
    if (!existsSync(passwordFile))
      throw new Error('The embedded PostgreSQL of `npm run applications` has not started yet.');
    const password = readFileSync(passwordFile, 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/applications`;
  };
}
