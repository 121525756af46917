import { mkdtempSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteDriver } from './sqliteDriver.js';
import { walFileSync } from './walFileSync.js';

/** FileHandle's prototype, to watch (and hold back) every datasync the code under test runs. */
const fileHandlePrototype = await (async () => {
  const handle = await open(import.meta.filename ?? new URL(import.meta.url).pathname, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as { datasync(this: { fd: number }): Promise<void> };
})();

/** Every datasync: the file it synced, and a gate that holds it until released. */
function holdDatasyncs() {
  const original = fileHandlePrototype.datasync;
  const calls: Array<{ path: string; release(): void }> = [];
  let held = true;
  vi.spyOn(fileHandlePrototype, 'datasync').mockImplementation(function (this: { fd: number }) {
    const path = readlinkSync(`/proc/self/fd/${this.fd}`);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    calls.push({ path, release });
    if (!held) release();
    return gate.then(() => original.call(this));
  });
  return {
    calls,
    releaseAll() {
      held = false;
      for (const call of calls) call.release();
    },
  };
}

/** Whether a promise has settled, after letting everything already runnable run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wal-sync-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(folder, { recursive: true, force: true });
});

describe('openSqliteDriver: durable before a write transaction resolves', () => {
  it('resolves a committed transaction only after an fdatasync of the WAL has finished', async () => {
    const file = join(folder, 'log.db');
    const driver = openSqliteDriver(file, { create: true });
    const syncs = holdDatasyncs();
    const written = driver.transaction((tx) =>
      tx.run('INSERT INTO access_checkpoints (at, jws) VALUES (?, ?)', ['2026-01-01T00:00:00.000Z', 'x']),
    );
    // The sync is asked for (after a stat, in the thread pool) and held: the transaction waits.
    await vi.waitFor(() => expect(syncs.calls).toHaveLength(1));
    expect(await settled(written)).toBe(false);
    // The row is committed (another connection would read it) but the answer waits for the disk.
    expect(await driver.all('SELECT jws FROM access_checkpoints')).toEqual([{ jws: 'x' }]);
    expect(syncs.calls.map((call) => call.path)).toEqual([`${file}-wal`]);
    syncs.releaseAll();
    expect(await written).toBe(1);
    await driver.close();
  });

  it('does not sync, or wait, for a transaction that rolled back', async () => {
    const driver = openSqliteDriver(join(folder, 'log.db'), { create: true });
    const syncs = holdDatasyncs();
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('INSERT INTO access_checkpoints (at, jws) VALUES (?, ?)', ['2026-01-01T00:00:00.000Z', 'x']);
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(syncs.calls).toEqual([]);
    expect(await driver.all('SELECT jws FROM access_checkpoints')).toEqual([]);
    await driver.close();
  });
});

describe('openSqliteDriver: checkpoints', () => {
  it('checkpoints a WAL grown past 4 MiB on its own thread, starting the WAL over, and loses nothing', async () => {
    const file = join(folder, 'log.db');
    const driver = openSqliteDriver(file, { create: true });
    const jws = 'x'.repeat(100_000);
    const insert = (i: number) =>
      driver.transaction((tx) => tx.run('INSERT INTO access_checkpoints (at, jws) VALUES (?, ?)', [String(i), jws]));
    let largest = 0;
    for (let i = 0; i < 60; i++) {
      await insert(i);
      largest = Math.max(largest, statSync(`${file}-wal`).size);
    }
    // SQLite's own checkpoint is off and never shrinks the file; this one truncates it.
    expect(largest).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(statSync(`${file}-wal`).size).toBeLessThan(largest);
    expect(await driver.all('SELECT count(*) AS n FROM access_checkpoints')).toEqual([{ n: 60 }]);
    await driver.close();
  });
});

describe('walFileSync', () => {
  it('gives a call made while a sync runs a sync of its own that starts after it, shared by all such calls', async () => {
    const database = join(folder, 'plain.db');
    writeFileSync(`${database}-wal`, 'frames');
    const wal = walFileSync(database);
    const syncs = holdDatasyncs();
    const first = wal.sync();
    await vi.waitFor(() => expect(syncs.calls).toHaveLength(1));
    const second = wal.sync();
    const third = wal.sync();
    expect(await settled(second)).toBe(false);
    expect(syncs.calls).toHaveLength(1);
    syncs.calls[0]!.release();
    await first;
    await vi.waitFor(() => expect(syncs.calls).toHaveLength(2));
    expect(await settled(second)).toBe(false);
    syncs.releaseAll();
    await Promise.all([second, third]);
    expect(syncs.calls).toHaveLength(2);
    await wal.close();
  });

  it('syncs the file the path names now, should the WAL have been replaced', async () => {
    const database = join(folder, 'plain.db');
    writeFileSync(`${database}-wal`, 'old');
    const wal = walFileSync(database);
    const syncs = holdDatasyncs();
    syncs.releaseAll();
    await wal.sync();
    rmSync(`${database}-wal`);
    writeFileSync(`${database}-wal`, 'new');
    await wal.sync();
    expect(syncs.calls.map((call) => call.path)).toEqual([`${database}-wal`, `${database}-wal`]);
    // Not the deleted inode: readlink would say "(deleted)" for the old one.
    expect(syncs.calls.every((call) => !call.path.endsWith('(deleted)'))).toBe(true);
    await wal.close();
  });

  it('fails the sync when there is no WAL to sync', async () => {
    const wal = walFileSync(join(folder, 'none.db'));
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    await wal.close();
  });
});
