import { SUBGRAPHS } from './subgraphList.js';

/** How long the gateway waits for a subgraph's /ready before calling it unreachable. */
const READY_TIMEOUT_MS = 1_500;

export interface Readiness {
  ready: boolean;
  checks: Record<string, unknown>;
}

/**
 * The gateway can serve when its supergraph is loaded and every subgraph answers /ready; each
 * subgraph's own answer (its legacy system, its circuit) is passed on for operators.
 */
export async function checkReadiness(options: {
  supergraphLoaded: boolean;
  subgraphUrls?: Partial<Record<string, string>>;
}): Promise<Readiness> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (entry) => {
      const graphqlUrl = options.subgraphUrls?.[entry.name] ?? entry.defaultUrl;
      const readyUrl = graphqlUrl.replace(/\/graphql\/?$/, '') + '/ready';
      try {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        const body = (await response.json()) as { checks?: unknown };
        return [entry.name, { ready: response.ok, checks: body.checks ?? {} }] as const;
      } catch {
        return [entry.name, { ready: false, checks: { reachable: false } }] as const;
      }
    }),
  );
  const ready = options.supergraphLoaded && subgraphs.every(([, state]) => state.ready);
  return {
    ready,
    checks: {
      supergraph: options.supergraphLoaded ? 'loaded' : 'not loaded',
      subgraphs: Object.fromEntries(subgraphs),
    },
  };
}
