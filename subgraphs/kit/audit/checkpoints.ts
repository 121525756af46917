import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CompactSign, compactVerify, createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet } from 'jose';
import { dataDirectory, ensureDevKeyPair, readJwk, readPrivateKey } from '../../../core/identity/keyFiles.js';
import type { AccessLogStore, ChainHead, StoredCheckpoint } from './AccessLogStore.js';
import { canonicalJson } from './canonicalJson.js';
import { LEGACY_CHAIN } from './legacyAccessLog.js';

/**
 * Checkpoints anchor the access log outside its database (docs/access-log.md, "Checkpoints"):
 * a statement of every chain's head (chain, seq, hash) at a moment, signed with the platform's
 * key (EdDSA, compact JWS), written to the log and exported to a file or another store that the
 * database's administrators cannot rewrite. `audit:verify --checkpoints <file>` then catches
 * records rewritten together with their heads: the rewritten chain no longer passes through a
 * head the platform signed.
 */
export interface Checkpoint {
  type: typeof CHECKPOINT_TYPE;
  at: string;
  /** Every chain's head, sorted by chain; format 1's single chain, when the log has one, as "v1". */
  heads: ChainHead[];
}

export const CHECKPOINT_TYPE = 'city-graph/access-log-checkpoint';
export const CHECKPOINT_ALGORITHM = 'EdDSA';
/** The development key's name under data/keys (production: AUDIT_CHECKPOINT_KEY_FILE). */
export const CHECKPOINT_KEY_NAME = 'audit-checkpoint';

export interface CheckpointSigner {
  key: CryptoKey;
  kid: string | undefined;
}

/** Where checkpoints go besides the log itself. */
export interface CheckpointSink {
  readonly name: string;
  write(checkpoint: StoredCheckpoint): Promise<void>;
}

/** Reads the heads, signs them and keeps the statement in the log and every sink. */
export async function makeCheckpoint(
  store: AccessLogStore,
  signer: CheckpointSigner,
  sinks: readonly CheckpointSink[],
  heads?: ChainHead[],
): Promise<StoredCheckpoint> {
  const all = [...(heads ?? (await store.readChains()))];
  const legacy = await store.legacy();
  if (legacy) all.push({ chain: LEGACY_CHAIN, ...(await legacy.readHead()) });
  const checkpoint: Checkpoint = {
    type: CHECKPOINT_TYPE,
    at: new Date().toISOString(),
    heads: all.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0)),
  };
  const jws = await new CompactSign(new TextEncoder().encode(canonicalJson(checkpoint)))
    .setProtectedHeader({ alg: CHECKPOINT_ALGORITHM, ...(signer.kid ? { kid: signer.kid } : {}) })
    .sign(signer.key);
  const stored = { at: checkpoint.at, jws };
  await store.appendCheckpoint(stored);
  // Every sink is tried; one that fails does not keep the statement from the others.
  const failures = (await Promise.allSettled(sinks.map((sink) => sink.write(stored)))).flatMap((result, i) =>
    result.status === 'rejected' ? [sinks[i]!.name] : [],
  );
  if (failures.length > 0) throw new Error(`checkpoint kept in the log but not exported to: ${failures.join(', ')}`);
  return stored;
}

/** Why a checkpoint statement cannot be trusted, in words; or its content. */
export type CheckpointReading = { ok: true; checkpoint: Checkpoint } | { ok: false; problem: string };

/** Checks a statement's signature against the platform's public keys (a JWKS) and reads it. */
export async function readCheckpoint(jws: string, keys: JSONWebKeySet): Promise<CheckpointReading> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, createLocalJWKSet(keys), { algorithms: [CHECKPOINT_ALGORITHM] }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return { ok: false, problem: 'its signature does not verify (forged or altered)' };
    if (error instanceof errors.JWKSNoMatchingKey)
      return { ok: false, problem: 'it is signed with a key that is not among the platform keys given' };
    return { ok: false, problem: 'it is not a signed checkpoint' };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return { ok: false, problem: 'its content is not JSON' };
  }
  const checkpoint = value as Checkpoint;
  const isHead = (head: unknown) =>
    typeof head === 'object' &&
    head !== null &&
    typeof (head as ChainHead).chain === 'string' &&
    Number.isSafeInteger((head as ChainHead).seq) &&
    typeof (head as ChainHead).hash === 'string';
  if (
    checkpoint?.type !== CHECKPOINT_TYPE ||
    typeof checkpoint.at !== 'string' ||
    !Array.isArray(checkpoint.heads) ||
    !checkpoint.heads.every(isHead)
  ) {
    return { ok: false, problem: 'it is not an access-log checkpoint' };
  }
  return { ok: true, checkpoint };
}

/** Reads an exported checkpoint file: one JSON object `{at, jws}` per line. */
export function readCheckpointFile(file: string): StoredCheckpoint[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        const { at, jws } = JSON.parse(line) as StoredCheckpoint;
        if (typeof at === 'string' && typeof jws === 'string') return { at, jws };
      } catch {
        // Reported below with its line number.
      }
      throw new Error(`${file}:${i + 1}: not a checkpoint line ({"at": ..., "jws": ...})`);
    });
}

/** Appends each checkpoint as one JSON line to a file (created with its folder). */
export function fileCheckpointSink(file: string): CheckpointSink {
  return {
    name: file,
    async write(checkpoint) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(checkpoint)}\n`);
    },
  };
}

/** POSTs each checkpoint as JSON to a URL (a notary, another organisation's store), within 5 s. */
export function httpCheckpointSink(url: string): CheckpointSink {
  return {
    name: new URL(url).origin,
    async write(checkpoint) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(checkpoint),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`checkpoint store answered ${response.status}`);
    },
  };
}

/**
 * The sinks named by AUDIT_CHECKPOINT_EXPORT: a comma-separated list of file paths and http(s)
 * URLs; default one file, `${DATA_DIR:-data}/audit/checkpoints.jsonl`.
 */
export function checkpointSinksFromEnvironment(value = process.env.AUDIT_CHECKPOINT_EXPORT): CheckpointSink[] {
  const targets = (value ?? join(dataDirectory(), 'audit', 'checkpoints.jsonl'))
    .split(',')
    .map((target) => target.trim())
    .filter(Boolean);
  return targets.map((target) =>
    /^https?:\/\//i.test(target) ? httpCheckpointSink(target) : fileCheckpointSink(target),
  );
}

/** The platform's signing key: AUDIT_CHECKPOINT_KEY_FILE (a private JWK, Ed25519), else the development key. */
export async function checkpointSignerFromEnvironment(): Promise<CheckpointSigner> {
  const file =
    process.env.AUDIT_CHECKPOINT_KEY_FILE ??
    (await ensureDevKeyPair(CHECKPOINT_KEY_NAME, CHECKPOINT_ALGORITHM)).privateFile;
  return readPrivateKey(file);
}

/**
 * The platform's public keys for verification: AUDIT_CHECKPOINT_PUBLIC_KEYS (a JWKS file, so
 * retired keys can stay listed), else the development key's public half.
 */
export async function checkpointKeysFromEnvironment(): Promise<JSONWebKeySet> {
  if (process.env.AUDIT_CHECKPOINT_PUBLIC_KEYS)
    return JSON.parse(readFileSync(process.env.AUDIT_CHECKPOINT_PUBLIC_KEYS, 'utf8')) as JSONWebKeySet;
  return { keys: [readJwk((await ensureDevKeyPair(CHECKPOINT_KEY_NAME, CHECKPOINT_ALGORITHM)).publicFile)] };
}

export interface CheckpointerOptions {
  store: AccessLogStore;
  signer: CheckpointSigner;
  sinks: readonly CheckpointSink[];
  /** A checkpoint at least this often while records are written (AUDIT_CHECKPOINT_INTERVAL_MS, default 10 s). */
  intervalMs?: number;
  /** ... and sooner once this many records were written since the last (AUDIT_CHECKPOINT_RECORDS, default 1,000). */
  everyRecords?: number;
  /** How often the heads are looked at. */
  pollMs?: number;
  log(entry: { level: 'info' | 'error'; msg: string; [key: string]: unknown }): void;
}

/**
 * Makes checkpoints while the log grows: every `intervalMs`, or after `everyRecords` records,
 * whichever comes first; nothing while nothing is written. One last one when stopped.
 */
export function startCheckpointer(options: CheckpointerOptions): {
  stop(): Promise<void>;
  checkpointNow(): Promise<void>;
} {
  const intervalMs = options.intervalMs ?? Number(process.env.AUDIT_CHECKPOINT_INTERVAL_MS ?? 10_000);
  const everyRecords = options.everyRecords ?? Number(process.env.AUDIT_CHECKPOINT_RECORDS ?? 1_000);
  let lastTotal = -1;
  let lastAt = 0;
  let running: Promise<void> | null = null;
  const tick = (force: boolean): Promise<void> =>
    (running ??= (async () => {
      try {
        const heads = await options.store.readChains();
        const total = heads.reduce((sum, head) => sum + head.seq, 0);
        const due =
          total !== lastTotal &&
          (force || lastTotal < 0 || total - lastTotal >= everyRecords || Date.now() - lastAt >= intervalMs);
        if (!due) return;
        await makeCheckpoint(options.store, options.signer, options.sinks, heads);
        lastTotal = total;
        lastAt = Date.now();
      } catch (error) {
        options.log({
          level: 'error',
          msg: 'access log checkpoint failed',
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void tick(false), options.pollMs ?? Math.min(1_000, intervalMs));
  timer.unref();
  return {
    checkpointNow: () => tick(true),
    async stop() {
      clearInterval(timer);
      await running;
      await tick(true);
    },
  };
}
