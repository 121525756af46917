import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The departments' subgraphs the gateway federates, with where each runs by default. */
export interface SubgraphEntry {
  name: 'market' | 'tax' | 'social' | 'platform';
  /** The SDL file, relative to the repository root. */
  schemaFile: string;
  /** Where the subgraph listens when started with `npm start`; the routing URL in supergraph.graphql. */
  defaultUrl: string;
  /** Environment variable that overrides the URL at run time (e.g. another host in a deployment). */
  urlVariable: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'market', schemaFile: 'subgraphs/market/schema.graphql', defaultUrl: 'http://127.0.0.1:4001/graphql', urlVariable: 'MARKET_SUBGRAPH_URL' },
  { name: 'tax', schemaFile: 'subgraphs/tax/schema.graphql', defaultUrl: 'http://127.0.0.1:4002/graphql', urlVariable: 'TAX_SUBGRAPH_URL' },
  { name: 'social', schemaFile: 'subgraphs/social/schema.graphql', defaultUrl: 'http://127.0.0.1:4003/graphql', urlVariable: 'SOCIAL_SUBGRAPH_URL' },
  { name: 'platform', schemaFile: 'subgraphs/platform/schema.graphql', defaultUrl: 'http://127.0.0.1:4004/graphql', urlVariable: 'PLATFORM_SUBGRAPH_URL' },
];

export const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function readSubgraphSdl(entry: SubgraphEntry): string {
  return readFileSync(new URL(`../${entry.schemaFile}`, import.meta.url), 'utf8');
}
