import type { LegacyDepartment } from '../registry/departments.js';
import type { RunningLegacyServer } from './common/index.js';
import type { DataSet } from './data/index.js';
import { startMarketMock } from './market/index.js';
import { startSocialMock } from './social/index.js';
import { startTaxMock } from './tax/index.js';

/** What starting any department's legacy system takes: port 0 (the default) for an ephemeral one. */
export interface LegacyMockOptions {
  port?: number;
  host?: string;
  dataSet?: DataSet;
}

export type StartLegacyMock = (options?: LegacyMockOptions) => Promise<RunningLegacyServer>;

/**
 * How to start each registry department's legacy system. Keyed by the registry's type, so a
 * department added to registry/departments.ts without its mock here fails the type check.
 */
export const LEGACY_MOCKS: Readonly<Record<LegacyDepartment, StartLegacyMock>> = {
  market: startMarketMock,
  tax: startTaxMock,
  social: startSocialMock,
};
