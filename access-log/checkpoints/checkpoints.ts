import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CompactSign, compactVerify, createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet } from 'jose';
import { dataDirectory, ensureDevKeyPair, readPrivateKey } from '../../core/identity/keyFiles.js';
import type { AccessLogStore, ChainHead, StoredCheckpoint } from '../store/AccessLogStore.js';
import { canonicalJson } from '../../core/index.js';

/**
 * Checkpoints anchor the access log outside its database (docs/access-log.md, "Checkpoints"):
 * a statement of every chain's head (chain, seq, hash) at a moment, signed with the platform's
 * key (EdDSA, compact JWS), written to the log, appended to files and sent to a store off the
 * database's host (checkpointExporter.ts) that its administrators cannot rewrite.
 * `audit:verify --checkpoints <file>` then catches records rewritten together with their heads:
 * the rewritten chain no longer passes through a head the platform signed, and a file cut back to
 * before the rewrite is older than `--max-age`.
 */
export interface Checkpoint {
  type: typeof CHECKPOINT_TYPE;
  at: string;
  /** Every chain's head, sorted by chain. */
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
  options: { heads?: ChainHead[]; at?: Date } = {},
): Promise<StoredCheckpoint> {
  const all = [...(options.heads ?? (await store.readChains()))];
  const checkpoint: Checkpoint = {
    type: CHECKPOINT_TYPE,
    at: (options.at ?? new Date()).toISOString(),
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

/**
 * The files named by AUDIT_CHECKPOINT_EXPORT, each receiving every checkpoint; by default one,
 * `${DATA_DIR:-data}/audit/checkpoints.jsonl`. A file is a copy on this host only: production
 * also needs AUDIT_CHECKPOINT_EXPORT_URL (checkpointExporter.ts).
 */
export function checkpointFileSinks(files: readonly string[] = []): CheckpointSink[] {
  const targets = files.length > 0 ? files : [join(dataDirectory(), 'audit', 'checkpoints.jsonl')];
  return targets.map((file) => fileCheckpointSink(file));
}

/** The platform's signing key: AUDIT_CHECKPOINT_KEY_FILE (a private JWK, Ed25519), else the development key. */
export async function readCheckpointSigner(keyFile: string | undefined): Promise<CheckpointSigner> {
  return readPrivateKey(keyFile ?? (await ensureDevKeyPair(CHECKPOINT_KEY_NAME, CHECKPOINT_ALGORITHM)).privateFile);
}

/** How long fetching a key set over https may take. */
const KEY_SET_TIMEOUT_MS = 5_000;

/**
 * The platform's public checkpoint keys, from where the verifier was told to take them (`--keys`
 * or AUDIT_CHECKPOINT_PUBLIC_KEYS): a JWKS file (so retired keys can stay listed), one public JWK
 * file, or an https:// URL serving a JWKS (http:// only with the development allowance). Never a
 * default: a key found in the data folder would be whatever whoever writes there put in it.
 * A file holding a private key is refused, so the signing key is not passed around to verify.
 */
export async function readCheckpointKeys(
  source: string,
  options: { allowHttp?: boolean } = {},
): Promise<JSONWebKeySet> {
  let value: unknown;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const url = new URL(source);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp))
      throw new Error(
        `the key set must come over https:// (got ${url.protocol}//${url.host}; plain http only in development with AUDIT_CHECKPOINT_ALLOW_HTTP=1)`,
      );
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(KEY_SET_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`the key set at ${url.origin} could not be fetched: ${describeFailure(error)}`);
    }
    if (!response.ok) throw new Error(`the key set at ${url.origin} answered ${response.status}`);
    value = await response.json().catch(() => {
      throw new Error(`the key set at ${url.origin} is not JSON`);
    });
  } else {
    const text = readFileSync(source, 'utf8');
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`${source} is not JSON`);
    }
  }
  const keys = isKeySet(value) ? value.keys : [value];
  if (keys.length === 0 || !keys.every((key) => typeof key === 'object' && key !== null && 'kty' in key))
    throw new Error(`${source} is neither a JWKS ({"keys": [...]}) nor a public JWK`);
  if (keys.some((key) => 'd' in (key as object)))
    throw new Error(`${source} holds a private key: give the public half only`);
  return { keys: keys as JSONWebKeySet['keys'] };
}

function isKeySet(value: unknown): value is { keys: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}

/** A network failure in words an operator can act on (never the request's headers or body). */
export function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer in time';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

/**
 * The newest checkpoint in an exported file that verifies with the keys given, read from the end
 * (the file is appended to, newest last), with its signed time; null when none verifies. Its
 * age is what `audit:verify --max-age` limits: records written after it are pinned by nothing.
 * The time is the signed one, not the line's own `at`, which anyone can edit.
 */
export async function newestCheckpoint(
  checkpoints: readonly StoredCheckpoint[],
  keys: JSONWebKeySet,
): Promise<{ checkpoint: Checkpoint; line: number } | null> {
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const reading = await readCheckpoint(checkpoints[i]!.jws, keys);
    if (reading.ok && !Number.isNaN(Date.parse(reading.checkpoint.at)))
      return { checkpoint: reading.checkpoint, line: i + 1 };
  }
  return null;
}

/** A checkpoint every 10 s (AUDIT_CHECKPOINT_INTERVAL_MS). */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000;
/** ... and sooner after 1,000 records (AUDIT_CHECKPOINT_RECORDS). */
export const DEFAULT_CHECKPOINT_RECORDS = 1_000;

/**
 * How old the newest checkpoint may be when verified (AUDIT_CHECKPOINT_MAX_AGE, --max-age): two
 * intervals and 5 s, so one checkpoint late or lost on its way does not fail an honest log.
 */
export function defaultCheckpointMaxAgeMs(intervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS): number {
  return 2 * intervalMs + 5_000;
}

export type CheckpointLog = (entry: { level: 'info' | 'warn' | 'error'; msg: string; [key: string]: unknown }) => void;

export interface CheckpointerOptions {
  store: AccessLogStore;
  signer: CheckpointSigner;
  sinks: readonly CheckpointSink[];
  /** A checkpoint at least this often, written to or not (AUDIT_CHECKPOINT_INTERVAL_MS, default 10 s). */
  intervalMs?: number;
  /** ... and sooner once this many records were written since the last (AUDIT_CHECKPOINT_RECORDS, default 1,000). */
  everyRecords?: number;
  /** How often the heads are looked at. */
  pollMs?: number;
  log: CheckpointLog;
}

/**
 * Makes checkpoints every `intervalMs`, and sooner after `everyRecords` records, one at start and
 * one last one when stopped. Also while nothing is written: the newest checkpoint's age then says
 * that the platform was signing until then, so a checkpoint file cut back to before a rewrite is
 * too old to pass `audit:verify` (docs/access-log.md, "Threat model").
 */
export function startCheckpointer(options: CheckpointerOptions): {
  stop(): Promise<void>;
  checkpointNow(): Promise<void>;
} {
  const intervalMs = options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  const everyRecords = options.everyRecords ?? DEFAULT_CHECKPOINT_RECORDS;
  let lastTotal = -1;
  let lastAt = 0;
  let running: Promise<void> | null = null;
  const tick = (force: boolean): Promise<void> =>
    (running ??= (async () => {
      try {
        const heads = await options.store.readChains();
        const total = heads.reduce((sum, head) => sum + head.seq, 0);
        const due = force || lastTotal < 0 || total - lastTotal >= everyRecords || Date.now() - lastAt >= intervalMs;
        if (!due) return;
        await makeCheckpoint(options.store, options.signer, options.sinks, { heads });
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
