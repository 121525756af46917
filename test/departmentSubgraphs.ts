import type { LegacyDepartment } from '../registry/departments.js';
import type { RunningSubgraph, SubgraphSettings } from '../subgraphs/kit/index.js';
import { startMarketSubgraph } from '../subgraphs/market/server.js';
import { startSocialSubgraph } from '../subgraphs/social/server.js';
import { startTaxSubgraph } from '../subgraphs/tax/server.js';

export type StartDepartmentSubgraph = (settings: SubgraphSettings) => Promise<RunningSubgraph>;

/**
 * How the harness and the benchmarks start each department's subgraph in their own process (the
 * platform's, with no legacy system, takes other settings and is started apart). Keyed by the
 * registry's type, so a department added to registry/departments.ts without its subgraph here
 * fails the type check.
 */
export const DEPARTMENT_SUBGRAPHS: Readonly<Record<LegacyDepartment, StartDepartmentSubgraph>> = {
  market: startMarketSubgraph,
  tax: startTaxSubgraph,
  social: startSocialSubgraph,
};
