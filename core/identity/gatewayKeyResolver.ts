import { statSync, readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';

/** How often a JWKS file is looked at for a change, at most: a retired key stops within this. */
const FILE_CHECK_MS = 1_000;
/** A remote JWKS is fetched again for an unknown kid, but not more often than this. */
const REMOTE_COOLDOWN_MS = 1_000;
/** ... and at least this often, so a retired key stops being trusted. */
const REMOTE_MAX_AGE_MS = 60_000;

export interface GatewayKeySource {
  /** A JWKS file of the gateway's published public keys (GATEWAY_JWKS_FILE). */
  jwksFile?: string;
  /** The same, served over HTTP (GATEWAY_JWKS_URL; a gateway serves its own at /internal/jwks.json). */
  jwksUrl?: string;
  /** One public key (GATEWAY_PUBLIC_KEY_FILE): no rotation, for development. */
  publicKeyFile?: string;
}

/**
 * What a subgraph checks caller tokens with: the gateway's published keys, the one picked by the
 * token's `kid`. A file is read again when it changes (looked at at most once a second, and at
 * once when a token names a kid it does not hold), a URL is fetched again on an unknown kid, so
 * a key published before the gateway uses it is always found, and a key retired is soon refused.
 */
export function gatewayKeyResolver(source: GatewayKeySource): JWTVerifyGetKey {
  if (source.jwksUrl)
    return createRemoteJWKSet(new URL(source.jwksUrl), {
      cooldownDuration: REMOTE_COOLDOWN_MS,
      cacheMaxAge: REMOTE_MAX_AGE_MS,
    });
  if (source.jwksFile) return reloadingFileKeySet(source.jwksFile, (text) => JSON.parse(text) as JSONWebKeySet);
  if (source.publicKeyFile)
    return reloadingFileKeySet(source.publicKeyFile, (text) => ({ keys: [JSON.parse(text) as JWK] }));
  throw new Error('gatewayKeyResolver needs a JWKS file, a JWKS URL or a public key file');
}

function reloadingFileKeySet(file: string, parse: (text: string) => JSONWebKeySet): JWTVerifyGetKey {
  let modified = -1;
  let checkedAt = 0;
  let keySet: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });
  const reloadIfChanged = () => {
    checkedAt = Date.now();
    const now = statSync(file).mtimeMs;
    if (now === modified) return;
    // A file half written by an editor or a deploy fails to parse: keep the last good set.
    try {
      keySet = createLocalJWKSet(parse(readFileSync(file, 'utf8')));
      modified = now;
    } catch (error) {
      if (modified < 0) throw error;
    }
  };
  reloadIfChanged();
  return async (header, token) => {
    if (Date.now() - checkedAt >= FILE_CHECK_MS) reloadIfChanged();
    try {
      return await keySet(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      reloadIfChanged();
      return keySet(header, token);
    }
  };
}
