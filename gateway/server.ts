import { lexicographicSortSchema, printSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import { ANONYMOUS, serveGraphQL, type RunningServer } from '../core/index.js';
import { createLogger, createServiceMetrics, type Logger } from '../core/operations/index.js';
import { admitRequests } from './admitRequests.js';
import { createCallerVerifier, type IdentityOptions } from './auth.js';
import { createGateway, DEFAULT_REQUEST_DEADLINE_MS, type GatewayOptions } from './createGateway.js';
import { createGraphQLServer } from './createGraphQLServer.js';
import { findClientAddress } from './findClientAddress.js';
import { gatewayRoutes } from './gatewayRoutes.js';
import { createCallerLimiter, DEFAULT_CALLER_LIMITS, type CallerLimits } from './limitCallers.js';
import { CREATE_BUDGET_PER_DAY, type CreationBudgets } from './limitCreations.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits.js';
import { onlyOperators } from './onlyOperators.js';
import { checkReadiness } from './readiness.js';
import { reportDepartments } from './reportDepartments.js';
import { reuseRecentResult } from './reuseRecentResult.js';
import type { TrustedDocuments } from './requireTrustedDocuments.js';

/**
 * Everything the gateway runs with, as options: it reads no environment variable. gateway/main.ts
 * builds them from readGatewayConfig (gateway/gatewayConfig.ts); an option left out takes the same
 * default a variable left unset gives.
 */
export interface StartGatewayOptions extends GatewayOptions {
  port?: number;
  host?: string;
  /** Whose tokens the gateway accepts (gateway/auth.ts). */
  identity: IdentityOptions;
  /** The gateway's logger; defaults to pino, JSON lines on stdout, personal identifiers masked. */
  logger?: Logger;
  /** What the gateway refuses, and whether introspection is on (gateway/limits.ts); DEFAULT_QUERY_LIMITS by default. */
  limits?: QueryLimits;
  /** Per-caller rate and in-flight limits (gateway/limitCallers.ts); DEFAULT_CALLER_LIMITS, in memory, by default. */
  callerLimits?: CallerLimits;
  /** Budgets of the mutations that create something (gateway/limitCreations.ts); CREATE_BUDGET_PER_DAY each by default. */
  creationBudgets?: CreationBudgets;
  /** The portal's trusted documents and applications (gateway/requireTrustedDocuments.ts); none (null) by default. */
  trustedDocuments?: TrustedDocuments | null;
  /** The gateway's published public keys, served at GET /internal/jwks.json for subgraphs (GATEWAY_JWKS_URL). */
  publishedKeys?(): Promise<JSONWebKeySet>;
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES, findClientAddress.ts); none by default. */
  trustedProxies?: readonly string[];
  /** Client addresses and ranges that may read /ready and /metrics (OPERATOR_ADDRESSES); anyone by default. */
  operatorAddresses?: readonly string[];
  /** How long /ready's check and /metrics' text are reused; 1 s by default (0: each request asks, sharing one in flight). */
  operatorAnswerTtlMs?: number;
}

/** The running gateway, and the routes it serves beside /graphql ("GET /health", ...). */
export interface RunningGateway extends RunningServer {
  routes: readonly string[];
}

/** How long /ready's check and /metrics' text are reused: a loop on them costs one check a second. */
const OPERATOR_ANSWER_TTL_MS = 1_000;

/**
 * Starts the gateway: the federated graph at /graphql behind caller verification (auth.ts) and
 * query limits (limits.ts), the offline explorer at /, the public API schema at /schema.graphql,
 * and /health, /ready, /metrics for operators. Each concern is one file: the plugins are listed in
 * createGraphQLServer.ts, the routes and their prices in gatewayRoutes.ts; this wires them together.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const metrics = createServiceMetrics('gateway');
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  // Each request's deadline starts with it, in its context (createGateway.ts cuts subgraph calls at it).
  const startDeadline = () => AbortSignal.timeout(options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS);
  const gateway = createGateway({
    ...options,
    onPlanningFailure: (error) =>
      logger.warn({ error: error instanceof Error ? error.name : typeof error }, 'query planning failed'),
  });
  let apiSchemaSdl = '';
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    apiSchemaSdl = `${printSchema(lexicographicSortSchema(apiSchema)).trimEnd()}\n`;
  });
  const limiter = createCallerLimiter(options.callerLimits ?? DEFAULT_CALLER_LIMITS);
  const server = createGraphQLServer({
    gateway,
    limits,
    trusted: options.trustedDocuments ?? null,
    creationBudgets: options.creationBudgets ?? { perDay: CREATE_BUDGET_PER_DAY, byMutation: {} },
    limiter,
    metrics,
    logger,
    ...(options.identity.acting ? { actingScopes: options.identity.acting.scopes } : {}),
  });
  await Promise.all([server.start(), limiter.ready()]);
  const callers = createCallerVerifier(options.identity);
  const reportReadiness = reportDepartments(metrics.registry, logger);
  const clientAddress = findClientAddress(options.trustedProxies ?? []);
  const answerTtlMs = options.operatorAnswerTtlMs ?? OPERATOR_ANSWER_TTL_MS;
  const routes = gatewayRoutes({
    introspection: limits.introspection,
    apiSchemaSdl: () => apiSchemaSdl,
    readiness: reuseRecentResult(answerTtlMs, async () => {
      const result = await checkReadiness({
        supergraphLoaded: apiSchemaSdl !== '',
        subgraphUrls: options.subgraphUrls,
      });
      reportReadiness(result);
      return result;
    }),
    metricsText: reuseRecentResult(answerTtlMs, () => metrics.registry.metrics()),
    metrics,
    forOperators: onlyOperators({ operatorAddresses: options.operatorAddresses, clientAddress }),
    ...(options.publishedKeys ? { publishedKeys: options.publishedKeys } : {}),
    // The print route asks verifyCertificate (public) whether a certificate was revoked, at its requester's cost.
    executePublic: (query, variables, info) =>
      server.executeOperation(
        { query, variables },
        {
          contextValue: {
            requestId: info.requestId,
            correlationId: info.correlationId,
            caller: ANONYMOUS,
            rateLimitKey: admission.keyOf(info.caller, info.req),
            deadline: startDeadline(),
          },
        },
      ),
  });
  // Every request, to /graphql or to a route, passes here before anything of it runs.
  const admission = admitRequests({ callers, limiter, clientAddress, routes });
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    admit: admission.admit,
    context: async ({ requestId, correlationId, caller, req }) => ({
      requestId,
      correlationId,
      caller,
      rateLimitKey: admission.keyOf(caller, req),
      deadline: startDeadline(),
    }),
    routes: admission.routes,
  });
  return {
    ...running,
    routes: Object.keys(routes),
    close: async () => {
      callers.close();
      await running.close();
      await limiter.close();
    },
  };
}
