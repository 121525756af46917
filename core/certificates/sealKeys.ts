import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { sealKeysDirectory } from '../config/processLocations.js';

/** Seals are Ed25519 signatures (EdDSA): small, fast, and deterministic. */
export const SEAL_ALGORITHM = 'EdDSA';

/**
 * A seal key's life: `active` seals new certificates (one per department); `verify-only` was
 * active before a rotation and still verifies what it sealed; `retired` was withdrawn (its
 * private half deleted) and every certificate it sealed now fails verification.
 */
export type SealKeyState = 'active' | 'verify-only' | 'retired';

export interface SealKeyEntry {
  kid: string;
  state: SealKeyState;
  createdAt: string;
  retiredAt?: string;
  publicJwk: JWK;
}

/** A department's seal keys (`<dir>/<department>/keyring.json`); private halves sit beside it, one file per key. */
export interface SealKeyring {
  department: string;
  keys: SealKeyEntry[];
}

/**
 * What the gateway publishes at /.well-known/seals/<department>.json: a JWKS of the keys that
 * verify, and the ids of retired keys so that a verifier can say why it refuses their seals.
 */
export interface PublishedSealKeys {
  keys: JWK[];
  retired: { kid: string; retiredAt: string }[];
}

/** A department's key that seals: its id and the private key. */
export interface SealKey {
  department: string;
  kid: string;
  key: CryptoKey;
}

// Where the seal keys live: SEAL_KEYS_DIR, default `data/keys/seals` (git-ignored).
export { sealKeysDirectory } from '../config/processLocations.js';

const keyringFile = (directory: string, department: string) => join(directory, department, 'keyring.json');
const privateFile = (directory: string, department: string, kid: string) =>
  join(directory, department, `${kid}.private.jwk.json`);

/** The department's keyring, or null when it has none yet. */
export function readSealKeyring(department: string, directory = sealKeysDirectory()): SealKeyring | null {
  const file = keyringFile(directory, department);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SealKeyring;
}

/** The public view of a keyring: what anyone may download and keep to verify offline. */
export function publishedSealKeys(keyring: SealKeyring | null): PublishedSealKeys {
  const entries = keyring?.keys ?? [];
  return {
    keys: entries.filter((entry) => entry.state !== 'retired').map((entry) => entry.publicJwk),
    retired: entries.flatMap((entry) =>
      entry.state === 'retired' ? [{ kid: entry.kid, retiredAt: entry.retiredAt ?? entry.createdAt }] : [],
    ),
  };
}

/**
 * Makes a new key and makes it the department's active one; the previous active key becomes
 * verify-only, so certificates it sealed stay valid (a rotation refuses nobody).
 */
export async function rotateSealKey(department: string, directory = sealKeysDirectory()): Promise<SealKeyEntry> {
  mkdirSync(join(directory, department), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair(SEAL_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const createdAt = new Date().toISOString().slice(0, 19) + 'Z';
  const kid = `${department}-seal-${createdAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  const common = { kid, alg: SEAL_ALGORITHM, use: 'sig' };
  writeAtomically(
    privateFile(directory, department, kid),
    JSON.stringify({ ...(await exportJWK(privateKey)), ...common }),
    0o600,
  );
  const entry: SealKeyEntry = {
    kid,
    state: 'active',
    createdAt,
    publicJwk: { ...(await exportJWK(publicKey)), ...common },
  };
  const keyring = readSealKeyring(department, directory) ?? { department, keys: [] };
  const keys = keyring.keys.map((key) => (key.state === 'active' ? { ...key, state: 'verify-only' as const } : key));
  writeKeyring(directory, { department, keys: [...keys, entry] });
  return entry;
}

/** Withdraws a key: its private half is deleted and its seals fail from now on. The active key cannot be retired. */
export function retireSealKey(department: string, kid: string, directory = sealKeysDirectory()): SealKeyEntry {
  const keyring = readSealKeyring(department, directory);
  const entry = keyring?.keys.find((key) => key.kid === kid);
  if (!keyring || !entry) throw new Error(`${department} has no seal key ${kid}`);
  if (entry.state === 'active')
    throw new Error(`${kid} is ${department}'s active seal key: rotate first, then retire it`);
  const retired: SealKeyEntry = { ...entry, state: 'retired', retiredAt: entry.retiredAt ?? new Date().toISOString() };
  writeKeyring(directory, { department, keys: keyring.keys.map((key) => (key.kid === kid ? retired : key)) });
  rmSync(privateFile(directory, department, kid), { force: true });
  return retired;
}

/**
 * The department's active key, read at each call so that a rotation takes effect at once in
 * every running process; a development key is made on first use when `createIfMissing`.
 */
export async function readActiveSealKey(
  department: string,
  options: { directory?: string; createIfMissing?: boolean } = {},
): Promise<SealKey> {
  const directory = options.directory ?? sealKeysDirectory();
  let keyring = readSealKeyring(department, directory);
  if (!keyring?.keys.some((key) => key.state === 'active') && options.createIfMissing) {
    await rotateSealKey(department, directory);
    keyring = readSealKeyring(department, directory);
  }
  const active = keyring?.keys.find((key) => key.state === 'active');
  if (!active)
    throw new Error(`${department} has no active seal key in ${directory} (npm run seal -- rotate ${department})`);
  const jwk = JSON.parse(readFileSync(privateFile(directory, department, active.kid), 'utf8')) as JWK;
  return { department, kid: active.kid, key: (await importJWK(jwk, SEAL_ALGORITHM)) as CryptoKey };
}

/** Every named department's published keys (an empty set for a department with none). */
export function readPublishedSealKeySets(
  departments: readonly string[],
  directory = sealKeysDirectory(),
): Record<string, PublishedSealKeys> {
  return Object.fromEntries(
    departments.map((department) => [department, publishedSealKeys(readSealKeyring(department, directory))]),
  );
}

function writeKeyring(directory: string, keyring: SealKeyring): void {
  writeAtomically(keyringFile(directory, keyring.department), `${JSON.stringify(keyring, null, 2)}\n`, 0o644);
}

/** Written aside and renamed into place, so a reader never sees half a file. */
function writeAtomically(file: string, content: string, mode: number): void {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, content, { mode });
  renameSync(aside, file);
}
