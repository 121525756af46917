import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccessLogStore } from './openAccessLogStore.js';
import { probeBackend, sqliteBackend } from '../testing/accessLogBackends.js';
import { describeAccessLogStore } from '../testing/describeAccessLogStore.js';
import { sampleRequest } from '../testing/sampleEntries.js';

describeAccessLogStore(await probeBackend(sqliteBackend));

describe('access log on SQLite, file specifics', () => {
  const folders: string[] = [];
  const tempFile = () => {
    const folder = mkdtempSync(join(tmpdir(), 'access-log-'));
    folders.push(folder);
    return join(folder, 'nested', 'access-log.db');
  };
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('lets a script end normally after a checkpoint ran on its thread: closing waits for the thread', () => {
    const file = tempFile();
    const script = join(folders[0]!, 'checkpointThenClose.mts');
    const checkpointer = new URL('./backends/walCheckpointer.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      [
        "import { createRequire } from 'node:module';",
        `import { mkdirSync } from 'node:fs';`,
        `import { walCheckpointer } from ${JSON.stringify(checkpointer)};`,
        `const Database = createRequire(${JSON.stringify(checkpointer)})('better-sqlite3');`,
        `mkdirSync(${JSON.stringify(join(file, '..'))}, { recursive: true });`,
        `const db = new Database(${JSON.stringify(file)});`,
        "db.pragma('journal_mode = WAL'); db.exec('create table t (x)'); db.exec('insert into t values (1)');",
        `const thread = walCheckpointer(${JSON.stringify(file)});`,
        'await thread.checkpoint();',
        'await thread.close();',
        'db.close();',
        "process.stdout.write('closed');",
      ].join('\n'),
    );
    // A top-level await left pending when the event loop empties ends the process with 13 and no output.
    expect(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })).toBe('closed');
  });

  it('creates its folder and a WAL-mode file', async () => {
    const file = tempFile();
    const store = await openAccessLogStore({ url: `sqlite:${file}` });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('waits for another writer, then rejects the append once the busy timeout passes', async () => {
    const file = tempFile();
    const store = await openAccessLogStore({ url: `sqlite:${file}`, busyTimeoutMs: 200 });
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    const started = Date.now();
    await expect(store.append(sampleRequest('r1'))).rejects.toThrow(/locked|busy/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    other.exec('ROLLBACK');
    other.close();
    await store.append(sampleRequest('r1'));
    expect(await store.readChains()).toEqual([expect.objectContaining({ chain: store.chain, seq: 1 })]);
    await store.close();
  });

  it('refuses to conjure an empty log when told not to create one', async () => {
    await expect(openAccessLogStore({ url: `sqlite:${tempFile()}`, create: false })).rejects.toThrow();
  });
});
