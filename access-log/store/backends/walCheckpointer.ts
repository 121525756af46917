import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How long an idle checkpoint thread stays: under load checkpoints come every few seconds, and a
 * quiet process should not keep a thread (and a few megabytes) for nothing.
 */
const IDLE_MS = 30_000;

/**
 * The thread's code, plain CommonJS evaluated in the worker (so it runs the same under tsx, vitest
 * and the built `dist/`): its own connection to the file, which checkpoints on request.
 * `synchronous = NORMAL` still syncs around a checkpoint (the WAL before, the database after):
 * those fsyncs are why it runs here, off the event loop.
 *
 * TRUNCATE, so the WAL starts over at zero bytes and its size says again how much was written since
 * (the writer asks for a checkpoint by that size; SQLite would otherwise reuse the file without
 * shrinking it). It needs a moment with no writer and no reader on the old frames; with no busy
 * wait (timeout 0) it never waits for one: when another process is writing or reading, it copies
 * what it can, as a PASSIVE checkpoint, and the next request tries again.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

/** Runs SQLite checkpoints of one database file on a thread of their own (see openSqliteDriver). */
export interface WalCheckpointer {
  /** Copies the WAL's committed frames into the database, in the thread; resolves when done. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A checkpoint copies the WAL into the database file and syncs both: with better-sqlite3 that is
 * synchronous, and SQLite's automatic checkpoint would run it on the event loop in the middle of a
 * COMMIT (every 1,000 pages). So the writer turns the automatic one off and asks this thread
 * instead, started when first needed and stopped when idle.
 */
export function walCheckpointer(file: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;

  const stop = async (stopping: Worker) => {
    if (worker === stopping) worker = null;
    const exited = once(stopping, 'exit');
    // Held while it closes its connection: awaited but unreferenced, the thread would let a
    // process with nothing else to do end first (a script's top-level await then exits 13).
    stopping.ref();
    stopping.postMessage('close');
    await exited;
  };

  return {
    async checkpoint() {
      clearTimeout(idle);
      if (!worker) {
        worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
        // It never keeps the process alive: a store left open must not hold up an exit.
        worker.unref();
      }
      const thread = worker;
      try {
        const reply = once(thread, 'message');
        thread.postMessage('checkpoint');
        // `once` rejects on the worker's 'error' event (it failed to start, say).
        const [answer] = (await reply) as [{ ok: boolean; message?: string }];
        if (!answer.ok) throw new Error(`the WAL checkpoint failed: ${answer.message}`);
      } catch (error) {
        if (worker === thread) worker = null;
        void thread.terminate();
        throw error;
      }
      idle = setTimeout(() => void stop(thread), IDLE_MS);
      idle.unref();
    },
    async close() {
      clearTimeout(idle);
      if (worker) await stop(worker);
    },
  };
}
