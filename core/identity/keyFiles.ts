import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDirectory } from '../config/processLocations.js';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The signing algorithm of every key this product makes: ECDSA P-256, small and fast to verify. */
export const SIGNING_ALGORITHM = 'ES256';

// The git-ignored folder for development keys (DATA_DIR, default `data/` at the repository root).
export { dataDirectory } from '../config/processLocations.js';

export interface KeyPairFiles {
  privateFile: string;
  publicFile: string;
}

export function devKeyFiles(name: string): KeyPairFiles {
  const folder = join(dataDirectory(), 'keys');
  return { privateFile: join(folder, `${name}.private.jwk.json`), publicFile: join(folder, `${name}.public.jwk.json`) };
}

/**
 * Makes a development key pair on first use, under data/keys. Several processes start at once
 * under `npm start`, so each file is written aside and linked into place: exactly one writer wins
 * and nobody reads a half-written key.
 */
export async function ensureDevKeyPair(name: string, algorithm = SIGNING_ALGORITHM): Promise<KeyPairFiles> {
  const files = devKeyFiles(name);
  if (existsSync(files.privateFile) && existsSync(files.publicFile)) return files;
  mkdirSync(dirname(files.privateFile), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const kid = `${name}-${randomUUID().slice(0, 8)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: algorithm, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' };
  // The private key goes first: a public key on disk always has its private half beside it.
  if (placeExclusively(files.privateFile, JSON.stringify(privateJwk), 0o600)) {
    placeExclusively(files.publicFile, JSON.stringify(publicJwk), 0o644);
  } else {
    await waitForFile(files.publicFile);
  }
  return files;
}

export async function readPrivateKey(file: string): Promise<{ key: CryptoKey; kid: string | undefined }> {
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  return { key: (await importJWK(jwk, jwk.alg ?? SIGNING_ALGORITHM)) as CryptoKey, kid: jwk.kid };
}

export async function readPublicKey(file: string): Promise<CryptoKey> {
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  return (await importJWK(jwk, jwk.alg ?? SIGNING_ALGORITHM)) as CryptoKey;
}

export function readJwk(file: string): JWK {
  return JSON.parse(readFileSync(file, 'utf8')) as JWK;
}

function placeExclusively(file: string, content: string, mode: number): boolean {
  const aside = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(aside, content, { mode });
  try {
    linkSync(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

async function waitForFile(file: string): Promise<void> {
  // Another process won the race and is writing the public half right now: milliseconds.
  for (let attempt = 0; attempt < 200 && !existsSync(file); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  if (!existsSync(file)) throw new Error(`key file ${file} did not appear`);
}
