import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { StoredCheckpoint } from '../store/AccessLogStore.js';
import { describeFailure, type CheckpointLog, type CheckpointSink } from './checkpoints.js';

export interface CheckpointExporterOptions {
  /** AUDIT_CHECKPOINT_EXPORT_URL: https:// in production (checkpointSettings.ts checks it). */
  url: string;
  /** The bearer token, read for each delivery (AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE), so a rotated one is used at once. */
  token?: () => string;
  /** One delivery's limit (default 5 s). */
  attemptTimeoutMs?: number;
  /** The wait after the first failure, doubled after each next one up to `maxRetryMs` (defaults 1 s, 60 s). */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Checkpoints kept while the store cannot be reached; the oldest give way (default 1,000: hours at 10 s). */
  maxQueued?: number;
  log: CheckpointLog;
}

export interface CheckpointExporter extends CheckpointSink {
  /** Checkpoints not yet delivered. */
  readonly queued: number;
  /** Waits until every queued checkpoint is delivered or the time is up; true when nothing is left. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Stops retrying; what is queued is dropped (the log itself still holds every checkpoint). */
  stop(): void;
}

export const DEFAULT_EXPORT_ATTEMPT_TIMEOUT_MS = 5_000;
export const DEFAULT_EXPORT_FIRST_RETRY_MS = 1_000;
export const DEFAULT_EXPORT_MAX_RETRY_MS = 60_000;
export const DEFAULT_EXPORT_MAX_QUEUED = 1_000;

/**
 * Sends each checkpoint to a store off the database's host (docs/access-log.md, "Threat model"):
 * an HTTP POST of the stored checkpoint (`{"at", "jws"}`, JSON) with `Authorization: Bearer` and an
 * `Idempotency-Key` (the SHA-256 of the JWS), so a retry after a lost answer can be recognised.
 *
 * `write` only queues: the checkpointer, and so no request, ever waits on the network. Deliveries
 * go one at a time in order; a failure (no answer within the attempt's limit, a refused
 * connection, any status but 2xx) is logged with the store's origin only (never the token, the
 * path or the query) and retried after 1 s, 2 s, 4 s ... up to a minute, with jitter so replicas
 * do not retry in step. Redirects are not followed: the token goes to the configured origin only.
 */
export function startCheckpointExporter(options: CheckpointExporterOptions): CheckpointExporter {
  const target = new URL(options.url).origin;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_EXPORT_ATTEMPT_TIMEOUT_MS;
  const firstRetryMs = options.firstRetryMs ?? DEFAULT_EXPORT_FIRST_RETRY_MS;
  const maxRetryMs = options.maxRetryMs ?? DEFAULT_EXPORT_MAX_RETRY_MS;
  const maxQueued = options.maxQueued ?? DEFAULT_EXPORT_MAX_QUEUED;
  const queue: StoredCheckpoint[] = [];
  const drained = new Set<(delivered: boolean) => void>();
  let failures = 0;
  let dropped = 0;
  let sending = false;
  let retry: NodeJS.Timeout | null = null;
  let stopped = false;

  const settle = () => {
    if (queue.length > 0) return;
    for (const resolve of drained) resolve(true);
    drained.clear();
  };

  const pump = async (): Promise<void> => {
    if (sending || retry || stopped) return;
    sending = true;
    try {
      while (queue.length > 0 && !stopped) {
        const next = queue[0]!;
        try {
          await postCheckpoint(options.url, next, options.token?.(), attemptTimeoutMs);
        } catch (error) {
          failures += 1;
          const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4);
          options.log({
            level: 'error',
            msg: 'access log checkpoint not exported; retrying',
            ...{ target, attempt: failures, retryInMs: Math.round(delay), queued: queue.length },
            error: describeDeliveryFailure(error),
          });
          if (!stopped) {
            retry = setTimeout(() => {
              retry = null;
              void pump();
            }, delay);
            retry.unref();
          }
          return;
        }
        // The queue may have given its oldest away while this one was on its way.
        const at = queue.indexOf(next);
        if (at >= 0) queue.splice(at, 1);
        if (failures > 0) {
          options.log({
            level: 'info',
            msg: 'access log checkpoints exported again',
            target,
            failedAttempts: failures,
          });
          failures = 0;
          dropped = 0;
        }
      }
      settle();
    } finally {
      sending = false;
    }
  };

  return {
    name: target,
    get queued() {
      return queue.length;
    },
    async write(checkpoint) {
      if (stopped) return;
      queue.push(checkpoint);
      if (queue.length > maxQueued) {
        // The newest checkpoint signs every chain's head, so it stands for the ones before it.
        queue.shift();
        if (dropped++ === 0)
          options.log({
            level: 'warn',
            msg: 'access log checkpoint export queue full; older undelivered checkpoints are dropped',
            target,
            queued: queue.length,
          });
      }
      void pump();
    },
    flush(timeoutMs) {
      if (queue.length === 0 || stopped) return Promise.resolve(queue.length === 0);
      return waitForDrain(drained, () => queue.length === 0, timeoutMs);
    },
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      for (const resolve of drained) resolve(queue.length === 0);
      drained.clear();
    },
  };
}

/** Why a delivery failed, for the log: the store's status, or the network's reason (never a header or the body). */
function describeDeliveryFailure(error: unknown): string {
  return error instanceof Error && error.message.startsWith('answered ') ? error.message : describeFailure(error);
}

/** One delivery: the POST (see startCheckpointExporter); throws on no answer in time or a status but 2xx. */
async function postCheckpoint(
  url: string,
  checkpoint: StoredCheckpoint,
  token: string | undefined,
  timeoutMs: number,
): Promise<void> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': createHash('sha256').update(checkpoint.jws).digest('hex'),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ at: checkpoint.at, jws: checkpoint.jws }),
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`answered ${response.status}`);
}

/** Resolves true once the exporter calls the waiter (everything delivered), or with `isEmpty()` when the time is up. */
function waitForDrain(
  drained: Set<(delivered: boolean) => void>,
  isEmpty: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (delivered: boolean) => {
      clearTimeout(timer);
      resolve(delivered);
    };
    const timer = setTimeout(() => {
      drained.delete(done);
      resolve(isEmpty());
    }, timeoutMs);
    timer.unref();
    drained.add(done);
  });
}

/**
 * Reads the bearer token from its file (AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE) now, so a missing or
 * empty one stops the start, and again for each delivery, so a rotated token is picked up. The
 * token itself is never in a message.
 */
export function bearerTokenFile(file: string): () => string {
  const read = () => {
    let token: string;
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new Error(
        `the export token file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (token === '' || /\s/.test(token))
      throw new Error(`the export token file ${file} must hold one token on one line`);
    return token;
  };
  read();
  return read;
}
