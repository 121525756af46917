import type { DataSet } from '../legacy-mocks/data/index.js';
import type { MarketClient } from '../subgraphs/market/legacy/index.js';
import type { SocialClient } from '../subgraphs/social/legacy/index.js';
import type { TaxClient } from '../subgraphs/tax/legacy/index.js';
import type { CallerClaims } from '../test/harness.js';

export type Fixtures = DataSet['fixtures'];

/** The departments' own legacy clients, as contender 5 (no GraphQL) uses them. */
export interface LegacyClients {
  market: MarketClient;
  tax: TaxClient;
  social: SocialClient;
}

/**
 * One portal request under load: bench/scenarios/ holds one per file, in one shape (as each of
 * graphql-js's `benchmark/*-benchmark.js` exports `{ name, count, measure() }`); the harness
 * (runLoadBenchmark.ts) measures every scenario against every contender the same way.
 */
export interface LoadScenario {
  /** As it appears in bench/RESULTS.md, e.g. 'citizen dashboard'. */
  name: string;
  /** URL-safe: contender 5's path for it. */
  key: string;
  /** The portal's operation, as examples/operations/ holds it; sent with `caller`'s token. */
  document: string;
  variables: Record<string, unknown>;
  /** Who sends it to our gateway with everything on; null for an anonymous caller. */
  caller: CallerClaims | null;
  /**
   * The same question for subgraphs started without protections, which know no caller (so `me`
   * is asked as `person(id:)`): the same fields and the same query plan.
   */
  openDocument: string;
  openVariables: Record<string, unknown>;
  /** Contender 5: the same data (the `data` of the GraphQL answer) straight from the legacy systems. */
  answerDirectly(legacy: LegacyClients, variables: Record<string, unknown>): Promise<unknown>;
}
