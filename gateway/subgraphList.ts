import { readFileSync } from 'node:fs';
import { DEPARTMENT_SETTINGS, type Department } from '../registry/departments.js';

/** One subgraph the gateway federates, with where it runs by default (registry/departments.ts). */
export interface SubgraphEntry {
  name: Department;
  /** The SDL file, relative to the repository root. */
  schemaFile: string;
  /** Where the subgraph listens when started with `npm start`; the routing URL in supergraph.graphql. */
  defaultUrl: string;
  /** Environment variable that overrides the URL at run time (e.g. another host in a deployment). */
  urlVariable: string;
}

/** Every department's subgraph, in the registry's order (the order of composition). */
export const SUBGRAPHS: readonly SubgraphEntry[] = DEPARTMENT_SETTINGS.map((settings) => ({
  name: settings.name,
  schemaFile: settings.schemaFile,
  defaultUrl: settings.defaultSubgraphUrl,
  urlVariable: settings.subgraphUrlVariable,
}));

export function readSubgraphSdl(entry: SubgraphEntry): string {
  return readFileSync(new URL(`../${entry.schemaFile}`, import.meta.url), 'utf8');
}
