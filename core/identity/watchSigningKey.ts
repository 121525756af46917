import { readFileSync, statSync } from 'node:fs';
import { importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { SIGNING_ALGORITHM } from './keyFiles.js';

/** How often the key file (and the published set) are looked at for a change. */
const CHECK_MS = 500;

export interface SigningKey {
  readonly key: CryptoKey;
  readonly kid: string | undefined;
}

export interface WatchedSigningKey extends SigningKey {
  stop(): void;
}

/**
 * The gateway's signing key, read from its private JWK file and read again when the file
 * changes: a rotation replaces the file, no restart. When the published key set is given
 * (GATEWAY_JWKS_FILE), a key is used only once its kid is published there — a key the subgraphs
 * may not know yet would have every request refused — and a key without a kid is refused.
 * Until then the previous key stays in use and `onEvent` says why.
 */
export async function watchSigningKey(options: {
  file: string;
  publishedFile?: string;
  onEvent?(event: { level: 'info' | 'error'; msg: string; kid?: string }): void;
}): Promise<WatchedSigningKey> {
  const load = async (): Promise<SigningKey> => {
    const jwk = JSON.parse(readFileSync(options.file, 'utf8')) as JWK;
    if (options.publishedFile) {
      if (!jwk.kid) throw new Error(`the key in ${options.file} has no kid`);
      const published = JSON.parse(readFileSync(options.publishedFile, 'utf8')) as JSONWebKeySet;
      if (!published.keys.some((key) => key.kid === jwk.kid))
        throw new Error(`key ${jwk.kid} is not published in ${options.publishedFile} yet`);
    }
    return { key: (await importJWK(jwk, jwk.alg ?? SIGNING_ALGORITHM)) as CryptoKey, kid: jwk.kid };
  };
  const stamp = () =>
    `${statSync(options.file).mtimeMs}:${options.publishedFile ? statSync(options.publishedFile).mtimeMs : ''}`;
  let seen = stamp();
  let current = await load();
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    (async () => {
      const now = stamp();
      if (now === seen) return;
      seen = now;
      const next = await load();
      if (next.kid === current.kid) return;
      current = next;
      options.onEvent?.({ level: 'info', msg: 'signing caller tokens with a new key', kid: next.kid });
    })()
      .catch((error: unknown) =>
        options.onEvent?.({
          level: 'error',
          msg: `signing key not changed: ${error instanceof Error ? error.message : 'unreadable'}`,
        }),
      )
      .finally(() => (checking = false));
  }, CHECK_MS);
  timer.unref();
  return {
    get key() {
      return current.key;
    },
    get kid() {
      return current.kid;
    },
    stop: () => clearInterval(timer),
  };
}
