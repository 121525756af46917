import type { RunningLegacyServer } from './common/index.js';
import type { DataSet } from './data/index.js';

/** What starting any department's legacy system takes: port 0 (the default) for an ephemeral one. */
export interface LegacyMockOptions {
  port?: number;
  host?: string;
  dataSet?: DataSet;
  /** What the system accepts from its subgraph (legacyMockConfig.ts); the development values by default. */
  legacyCredentials?: { apiKey?: string; username?: string; password?: string };
  /**
   * Where the system keeps the writes it accepted (LEGACY_DATA_DIR, legacyMockConfig.ts): its
   * overlay file `<department>-<seed>.jsonl`, read back at start. Unset: memory only, for one run.
   */
  dataDir?: string;
}

/**
 * The `start<Name>Mock` every stand-in's `index.ts` exports; registry/standInModules.ts (generated)
 * holds each department's, checked against this type.
 */
export type StartLegacyMock = (options?: LegacyMockOptions) => Promise<RunningLegacyServer>;
