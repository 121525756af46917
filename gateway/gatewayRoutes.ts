import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { sendJson, type Route } from '../core/index.js';
import type { ServiceMetrics } from '../core/operations/index.js';
import { priced, type PricedRoute } from './admitRequests.js';
import { certificateRoutes, type CertificateRoutesOptions } from './certificateRoutes.js';
import { explorerRoutes } from './explorer.js';
import type { Readiness } from './readiness.js';

/**
 * What one request to a route costs its caller, in the units of an operation's cost
 * (limitCallers.ts: 5,000 per 10 s by default, a citizen's dashboard 165), roughly by the work
 * the gateway does for it. A caller over its units gets 429 for routes as for GraphQL.
 */
export const ROUTE_COST = {
  /** A page, a small file read at start, a fixed answer. */
  page: 1,
  /** One of the explorer's scripts, hundreds of KB each. */
  bundle: 10,
  /** A file read at each request (seal keys, the published keys), or an answer reused for a second (/ready, /metrics). */
  file: 10,
  /** A certificate checked and printed: its seal verified and a QR code drawn. */
  print: 50,
} as const;

const EXAMPLE_QUERY = readFileSync(new URL('../examples/operations/SearchCompanies.graphql', import.meta.url), 'utf8');

export interface GatewayRoutesOptions {
  /** Whether the schema is public: the explorer and /schema.graphql are served only then (404 otherwise). */
  introspection: boolean;
  /** The public API schema as SDL, as loaded last ('' before the supergraph is). */
  apiSchemaSdl(): string;
  /** /ready's answer, reused for a second (reuseRecentResult.ts). */
  readiness(): Promise<Readiness>;
  /** /metrics' text, reused for a second. */
  metricsText(): Promise<string>;
  metrics: ServiceMetrics;
  /** Wraps an operator's route so that only OPERATOR_ADDRESSES reach it (onlyOperators.ts). */
  forOperators(route: Route): Route;
  /** The gateway's published public keys, for the subgraphs (GATEWAY_JWKS_URL). */
  publishedKeys?(): Promise<JSONWebKeySet>;
  /** Runs a public operation at the requester's cost (the print route asks verifyCertificate). */
  executePublic: CertificateRoutesOptions['executePublic'];
}

/**
 * The gateway's routes beside /graphql, each with its price: the explorer and the schema for
 * integrators, /health, /ready and /metrics for operators, the published keys for the subgraphs,
 * and the certificates' public face (certificateRoutes.ts).
 */
export function gatewayRoutes(options: GatewayRoutesOptions): Record<string, PricedRoute> {
  const { forOperators, metrics } = options;
  return {
    // Without introspection the schema is not public: no explorer and no SDL (404).
    ...(options.introspection ? integratorRoutes(options.apiSchemaSdl) : {}),
    'GET /health': { cost: ROUTE_COST.page, route: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    'GET /ready': {
      cost: ROUTE_COST.file,
      route: forOperators(async (_req, res) => {
        const { ready, departmentsDown, checks } = await options.readiness();
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', departmentsDown, checks });
      }),
    },
    'GET /metrics': {
      cost: ROUTE_COST.file,
      route: forOperators(async (_req, res) => {
        const text = await options.metricsText();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      }),
    },
    ...(options.publishedKeys
      ? {
          // Public keys only; the subgraphs pick the one a caller token names by its kid.
          'GET /internal/jwks.json': {
            cost: ROUTE_COST.file,
            route: async (_req, res) => sendJson(res, 200, await options.publishedKeys!()),
          },
        }
      : {}),
    // Seal keys for verifiers, the certificate check page and printable certificates (certificateRoutes.ts).
    ...priced(ROUTE_COST.file, certificateRoutes({ executePublic: options.executePublic }), {
      'GET /certificates/verify': ROUTE_COST.page,
      'POST /certificates/print': ROUTE_COST.print,
    }),
  };
}

/** The offline explorer at / and the public API schema as SDL. */
function integratorRoutes(apiSchemaSdl: () => string): Record<string, PricedRoute> {
  return {
    ...priced(
      ROUTE_COST.bundle,
      explorerRoutes({ exampleQuery: EXAMPLE_QUERY, exampleVariables: { name: '科技', first: 5 } }),
      { 'GET /': ROUTE_COST.page },
    ),
    'GET /schema.graphql': {
      cost: ROUTE_COST.page,
      route: (_req, res) => {
        const sdl = apiSchemaSdl();
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(sdl) });
        res.end(sdl);
      },
    },
  };
}
