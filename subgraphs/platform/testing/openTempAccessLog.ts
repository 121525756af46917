import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Tests open the store themselves, which the kit leaves to the subgraph's start.
import { openAccessLogStore } from '../../../access-log/index.js';
import type { AccessLogStore } from '../../kit/index.js';

/**
 * An access log on a SQLite file in a temp folder of its own, for the platform's unit tests (a
 * file, no socket); `dispose` closes it and deletes the folder.
 */
export async function openTempAccessLog(): Promise<{ store: AccessLogStore; dispose(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'platform-log-'));
  const store = await openAccessLogStore({ url: `sqlite:${join(folder, 'access-log.db')}` });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
