import { open, stat, type FileHandle } from 'node:fs/promises';

/** Syncs a SQLite database's write-ahead log to disk off the event loop (see openSqliteDriver). */
export interface WalFileSync {
  /**
   * Resolves once everything written to the WAL before the call is on disk: an `fdatasync` in
   * libuv's thread pool, never on the event loop. Calls made while one sync runs share the next.
   * Resolves with the WAL's size in bytes (when to checkpoint).
   */
  sync(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The WAL of `databaseFile` (`<file>-wal`), synced through a descriptor of our own.
 *
 * Why a descriptor of our own works: SQLite writes the WAL with `pwrite` through its descriptor,
 * which puts the bytes in the kernel's page cache of the file's inode. On Linux `fdatasync(fd)`
 * flushes the dirty pages of the inode `fd` refers to, whichever descriptor wrote them (the page
 * cache is per inode, not per descriptor), with the size when it changed. So a descriptor opened
 * read-only on the same file syncs SQLite's frames. Two things make "the same file" hold:
 * - SQLite deletes and recreates the WAL only when the last connection to the database closes
 *   (it must take an EXCLUSIVE lock first, and every open WAL-mode connection holds a SHARED one);
 *   the store's own connection is open whenever it syncs, so the file stays. Still, each sync
 *   first checks that the path names the inode we hold, and opens it again if not.
 * - The descriptor is opened once (at the first sync) and kept: since Linux 4.13 `fdatasync`
 *   reports every write-back error raised after its descriptor was opened (and, since 4.17, one
 *   raised before that no descriptor has reported yet). A failed sync fails the group's appends,
 *   so their data is withheld (no record, no data).
 */
export function walFileSync(databaseFile: string): WalFileSync {
  const path = `${databaseFile}-wal`;
  let handle: { file: FileHandle; ino: number } | null = null;
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;

  const current = async (): Promise<{ file: FileHandle; size: number }> => {
    const now = await stat(path);
    if (handle?.ino !== now.ino) {
      const stale = handle;
      const file = await open(path, 'r');
      handle = { file, ino: (await file.stat()).ino };
      await stale?.file.close();
    }
    return { file: handle.file, size: now.size };
  };
  const syncOnce = async () => {
    const { file, size } = await current();
    await file.datasync();
    return size;
  };

  return {
    sync() {
      if (!running) {
        running = syncOnce().finally(() => (running = null));
        return running;
      }
      // A sync that started earlier may miss what was written since: queue one more, shared by
      // every caller arriving while the first one runs.
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          running = syncOnce().finally(() => (running = null));
          return running;
        });
      return next;
    },
    async close() {
      await running?.catch(() => undefined);
      await next?.catch(() => undefined);
      await handle?.file.close();
      handle = null;
    },
  };
}
