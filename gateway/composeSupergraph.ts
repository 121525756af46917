import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSubgraphSdl, SUBGRAPHS } from './subgraphList.js';

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/**
 * Composes the departments' SDL files into the supergraph with @apollo/composition, the way
 * `npm run compose` writes supergraph.graphql. Errors come back as readable lines naming the
 * subgraph and the problem, since the department developer reading them may not know federation.
 */
export function composeSupergraph(): CompositionResult {
  const services = [];
  const errors: string[] = [];
  for (const entry of SUBGRAPHS) {
    try {
      services.push({ name: entry.name, url: entry.defaultUrl, typeDefs: parse(readSubgraphSdl(entry)) });
    } catch (error) {
      errors.push(`${entry.schemaFile}: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map(
        (error) => `${String(error.extensions?.code ?? 'COMPOSITION_ERROR')}: ${error.message}`,
      ),
    };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n` };
}
