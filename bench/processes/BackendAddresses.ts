import type { Department, LegacyDepartment } from '../../registry/departments.js';

/** What the benchmark's back-end process is given, and where it says its servers are. */
export interface BackendSettings {
  /** The gateway's public key (JWK): what the guarded subgraphs trust. */
  gatewayPublicJwk: object;
}

export type SubgraphUrls = Record<Department, string>;

export interface BackendAddresses {
  /** Each legacy system's base URL (with /__admin/stats, /__admin/reset, /__admin/faults). */
  legacy: Record<LegacyDepartment, string>;
  /** Subgraphs with the caller check, the privacy policy and the access log (contender 1). */
  guardedSubgraphs: SubgraphUrls;
  /** Subgraphs started without protections (benchmarks only: contenders 2-4). */
  openSubgraphs: SubgraphUrls;
}
