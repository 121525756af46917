import { SUBGRAPHS } from './subgraphList.js';

/** How long the gateway waits for a subgraph's /ready before calling it unreachable. */
const READY_TIMEOUT_MS = 1_500;

export interface SubgraphReadiness {
  /** The subgraph answered its /ready with 200. */
  ready: boolean;
  /** Whether the department's legacy system can be asked (its circuit is not open); true for the platform. */
  legacySystemAvailable: boolean;
  checks: Record<string, unknown>;
}

export interface Readiness {
  ready: boolean;
  /** Departments whose legacy system is down: reported, never a reason to be unready. */
  departmentsDown: string[];
  checks: { supergraph: string; subgraphs: Record<string, SubgraphReadiness> };
}

/**
 * The gateway can serve when its supergraph is loaded and every subgraph answers /ready. A
 * department whose legacy system is down is named in `departmentsDown` but keeps the gateway
 * ready: its fields fail fast with DEPARTMENT_UNAVAILABLE beside the others' data, and a load
 * balancer that took every gateway out for it would turn one department's outage into everyone's.
 */
export async function checkReadiness(options: {
  supergraphLoaded: boolean;
  subgraphUrls?: Partial<Record<string, string>>;
}): Promise<Readiness> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (entry): Promise<readonly [string, SubgraphReadiness]> => {
      const graphqlUrl = options.subgraphUrls?.[entry.name] ?? entry.defaultUrl;
      const readyUrl = graphqlUrl.replace(/\/graphql\/?$/, '') + '/ready';
      try {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        const body = (await response.json()) as { checks?: Record<string, unknown> };
        const checks = body.checks ?? {};
        const legacy = checks.legacySystem as { available?: unknown } | undefined;
        return [entry.name, { ready: response.ok, legacySystemAvailable: legacy?.available !== false, checks }];
      } catch {
        return [entry.name, { ready: false, legacySystemAvailable: false, checks: { reachable: false } }];
      }
    }),
  );
  const ready = options.supergraphLoaded && subgraphs.every(([, state]) => state.ready);
  return {
    ready,
    departmentsDown: subgraphs.filter(([, state]) => state.ready && !state.legacySystemAvailable).map(([name]) => name),
    checks: {
      supergraph: options.supergraphLoaded ? 'loaded' : 'not loaded',
      subgraphs: Object.fromEntries(subgraphs),
    },
  };
}
