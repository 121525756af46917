import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessLogStore } from '../store/AccessLogStore.js';
import { sqliteBackend, type TempAccessLog } from '../testing/accessLogBackends.js';
import { sampleRequest } from '../testing/sampleEntries.js';
import { verifyAccessLog } from './verifyAccessLog.js';

// Tampering cases run on both back ends in testing/describeAccessLogStore.ts; this covers the
// walk itself against a live, growing log.
describe('verifyAccessLog while subgraphs keep appending', () => {
  let log: TempAccessLog;
  let store: AccessLogStore;
  beforeEach(async () => {
    log = await sqliteBackend.create();
    store = await log.open();
    await store.append(sampleRequest('r1'));
  });
  afterEach(() => log.dispose());

  it('follows records committed between its walk and its reading of the head, rather than call the log truncated', async () => {
    let walks = 0;
    const growing: AccessLogStore = {
      ...store,
      readAll(range) {
        walks += 1;
        return store.readAll(range);
      },
      async readChains() {
        if (walks === 1) await store.append(sampleRequest('r2')); // a subgraph commits right after the first walk
        return store.readChains();
      },
    };
    expect(await verifyAccessLog(growing)).toEqual({ ok: true, records: 2, chains: 1, checkpoints: 0 });
    expect(walks).toBe(2);
  });
});
