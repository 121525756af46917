import { createLogReader } from '../read/createLogReader.js';
import { normalizeAccessEntry } from '../record/normalizeAccessEntry.js';
import type { SqlDriver } from '../sql/SqlDriver.js';
import type { AccessLogStore } from './AccessLogStore.js';
import { backendOf } from './backends/storeBackends.js';
import { CHAIN_NAME, newChainName } from './chainName.js';
import { REFUSAL_WINDOW_MS, startGroupCommit } from './groupCommit.js';
import { createPolicyBook } from './policyBook.js';

export interface AccessLogStoreOptions {
  /** This writer's chain; default a new name per process start (chainName.ts). */
  chain?: string;
  /** See groupCommit.ts's REFUSAL_WINDOW_MS. */
  refusalWindowMs?: number;
}

/**
 * The access log over an opened database (docs/access-log.md), one writer with its own chain:
 * an append is checked (record/normalizeAccessEntry.ts), queued for group commit
 * (groupCommit.ts) and written by the database's backend (backends/: one ChainWriter per
 * backend); the readers are the same SQL everywhere (read/). Closing writes what is still queued,
 * then closes the database.
 */
export function createAccessLogStore(driver: SqlDriver, options: AccessLogStoreOptions = {}): AccessLogStore {
  const chain = options.chain ?? newChainName();
  if (!CHAIN_NAME.test(chain)) throw new TypeError('a chain name is 1 to 120 letters, digits and . _ : @ -');
  const policies = createPolicyBook();
  const writer = backendOf(driver).createWriter(driver, { chain, newPolicyVersions: policies.unstored });
  const commits = startGroupCommit({
    refusalWindowMs: options.refusalWindowMs ?? REFUSAL_WINDOW_MS,
    concurrency: writer.concurrency,
    async write(entries) {
      const records = await writer.write(entries);
      policies.markStored(records);
      return records;
    },
  });

  return {
    chain,
    ...createLogReader(driver),

    append(entry) {
      try {
        return commits.add(normalizeAccessEntry(entry));
      } catch (error) {
        return Promise.reject(error);
      }
    },

    registerPolicy: (version) => policies.register(version),

    async appendCheckpoint({ at, jws }) {
      await driver.transaction((tx) => tx.run('INSERT INTO access_checkpoints (at, jws) VALUES (?, ?)', [at, jws]));
    },

    async close() {
      await commits.drain();
      await driver.close();
    },
  };
}
