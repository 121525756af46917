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
  /** The portal's operation, as examples/operations/ holds it; sent with each subject's caller token. */
  document: string;
  /**
   * The same question for subgraphs started without protections, which know no caller (so `me`
   * is asked as `person(id:)`): the same fields and the same query plan.
   */
  openDocument: string;
  /**
   * Whom it is asked about, in turn: many citizens or companies, as a portal serves them, so that
   * no gateway answers identical requests in flight with one subgraph call (Hive Gateway
   * de-duplicates those). The first is the named fixture: the answer check and the legacy-call
   * count use it.
   */
  subjects: ScenarioSubject[];
  /** Contender 5: the same data (the `data` of the GraphQL answer) straight from the legacy systems. */
  answerDirectly(legacy: LegacyClients, variables: Record<string, unknown>): Promise<unknown>;
}

/** One portal request of a scenario: its variables, and who asks (a caller of our gateway). */
export interface ScenarioSubject {
  variables: Record<string, unknown>;
  /** Variables of `openDocument` (and contender 5's body). */
  openVariables: Record<string, unknown>;
  /** Who sends it to our gateway with everything on; null for an anonymous caller. */
  caller: CallerClaims | null;
}

/** How many different subjects each scenario cycles through. */
export const SUBJECTS_PER_SCENARIO = 50;
