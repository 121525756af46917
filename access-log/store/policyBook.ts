import type { AccessRecord } from '../record/AccessEntry.js';
import type { PolicyVersion } from './AccessLogStore.js';

/**
 * The policy versions a writer knows (registerPolicy) and which of them the log already holds:
 * each version's text is stored with the first group of records that names it, once.
 */
export interface PolicyBook {
  register(version: PolicyVersion): void;
  /** The versions the records name that this writer has not stored yet. */
  unstored(records: readonly AccessRecord[]): PolicyVersion[];
  /** Notes the versions named by records that are now committed. */
  markStored(records: readonly AccessRecord[]): void;
}

export function createPolicyBook(): PolicyBook {
  const known = new Map<string, PolicyVersion>();
  const stored = new Set<string>();
  return {
    register: (version) => void known.set(version.hash, version),
    unstored: (records) =>
      [...new Set(records.map((record) => record.policy))].flatMap((hash) => {
        const version = hash ? known.get(hash) : undefined;
        return version && !stored.has(version.hash) ? [version] : [];
      }),
    markStored(records) {
      for (const record of records) if (record.policy) stored.add(record.policy);
    },
  };
}
