import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import { ANONYMOUS, sendJson, serveGraphQL, type RunningServer } from '../core/index.js';
import { createLogger, createServiceMetrics, logRequestsPlugin, type Logger } from '../core/operations/index.js';
import type { GatewayContext } from './context.js';
import { admitRequests, priced, type PricedRoute } from './admitRequests.js';
import { createCallerVerifier, type IdentityOptions } from './auth.js';
import { createGateway, DEFAULT_REQUEST_DEADLINE_MS, type GatewayOptions } from './createGateway.js';
import { certificateRoutes } from './certificateRoutes.js';
import { explorerRoutes } from './explorer.js';
import { formatGatewayError } from './formatGatewayError.js';
import { formatRefusals } from './formatRefusals.js';
import { limitParseOptions, limitsFromEnvironment, limitValidationRules, type QueryLimits } from './limits.js';
import { refuseCostlyOperations } from './refuseCostlyOperations.js';
import { refuseUnresolvedOperation } from './refuseUnresolvedOperation.js';
import { capResponses } from './capResponses.js';
import { checkScalarVariables } from './checkScalarInputs.js';
import { findClientAddress } from './findClientAddress.js';
import { callerLimitsFromEnvironment, chargeRefusals, createCallerLimiter, type CallerLimits } from './limitCallers.js';
import { onlyOperators } from './onlyOperators.js';
import { creationBudgetsFromEnvironment, limitCreations, type CreationBudgets } from './limitCreations.js';
import { checkReadiness } from './readiness.js';
import { reportDepartments } from './reportDepartments.js';
import { reuseRecentResult } from './reuseRecentResult.js';
import {
  requireTrustedDocuments,
  trustedDocumentsFromEnvironment,
  type TrustedDocuments,
} from './requireTrustedDocuments.js';

export interface StartGatewayOptions extends GatewayOptions {
  port?: number;
  host?: string;
  /** Whose tokens the gateway accepts (gateway/auth.ts). */
  identity: IdentityOptions;
  /** The gateway's logger; defaults to pino, JSON lines on stdout, personal identifiers masked. */
  logger?: Logger;
  /** What the gateway refuses, and whether introspection is on (gateway/limits.ts); defaults from the environment. */
  limits?: QueryLimits;
  /** Per-caller rate and in-flight limits (gateway/limitCallers.ts); defaults from the environment. */
  callerLimits?: CallerLimits;
  /** Budgets of the mutations that create something (gateway/limitCreations.ts); defaults from the environment. */
  creationBudgets?: CreationBudgets;
  /** The portal's trusted documents and applications (gateway/requireTrustedDocuments.ts); defaults from the environment, null for none. */
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

/**
 * What one request to a route costs its caller, in the units of an operation's cost
 * (limitCallers.ts: 5,000 per 10 s by default, a citizen's dashboard 165), roughly by the work
 * the gateway does for it. A caller over its units gets 429 for routes as for GraphQL.
 */
const ROUTE_COST = {
  /** A page, a small file read at start, a fixed answer. */
  page: 1,
  /** One of the explorer's scripts, hundreds of KB each. */
  bundle: 10,
  /** A file read at each request (seal keys, the published keys), or an answer reused for a second (/ready, /metrics). */
  file: 10,
  /** A certificate checked and printed: its seal verified and a QR code drawn. */
  print: 50,
} as const;

/** How long /ready's check and /metrics' text are reused: a loop on them costs one check a second. */
const OPERATOR_ANSWER_TTL_MS = 1_000;

const EXAMPLE_QUERY = readFileSync(new URL('../examples/operations/SearchCompanies.graphql', import.meta.url), 'utf8');

/**
 * Starts the gateway: the federated graph at /graphql behind caller verification (auth.ts) and
 * query limits (limits.ts), the offline explorer at /, the public API schema at /schema.graphql,
 * and /health, /ready, /metrics for operators. Each concern is one file; this is the list.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const metrics = createServiceMetrics('gateway');
  // Only the error's class: an unexpected error's message may carry a subgraph's text.
  const logError = (error: unknown) =>
    logger.error({ error: error instanceof Error ? error.name : typeof error }, 'unexpected error');
  const limits = options.limits ?? limitsFromEnvironment();
  const trusted = options.trustedDocuments === undefined ? trustedDocumentsFromEnvironment() : options.trustedDocuments;
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
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatRefusals(formatGatewayError(logError), { suggestions: limits.introspection }),
    includeStacktraceInErrorResponses: false,
    // Integrators explore the schema; the explorer at / replaces Apollo's CDN-hosted landing page.
    introspection: limits.introspection,
    validationRules: limitValidationRules(limits),
    parseOptions: limitParseOptions(limits),
    // One operation per request: a batch would multiply every limit above (TOO_MANY_OPERATIONS).
    allowBatchedHttpRequests: false,
    // CSRF prevention stays Apollo's default: a form post, or a GET, needs a preflight header.
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Registered portal applications send only trusted documents (TRUSTED_DOCUMENT_REQUIRED otherwise).
      ...(trusted ? [requireTrustedDocuments<GatewayContext>(trusted)] : []),
      metrics.plugin<GatewayContext>(),
      logRequestsPlugin<GatewayContext>(logger),
      // A document that fails validation went through every rule (about 9 ms for a 31-fragment family): it costs more units.
      chargeRefusals<GatewayContext>({ charge: (context, units) => limiter.charge(context.rateLimitKey, units) }),
      refuseUnresolvedOperation<GatewayContext>(),
      checkScalarVariables<GatewayContext>(),
      refuseCostlyOperations<GatewayContext>({
        maxCost: limits.maxCost,
        charge: (context, cost) => limiter.charge(context.rateLimitKey, cost),
      }),
      capResponses<GatewayContext>(limits),
      // Mutations that create something (certificates): a budget per caller, subject and day (limitCreations.ts).
      limitCreations<GatewayContext>({
        budgets: options.creationBudgets ?? creationBudgetsFromEnvironment(),
        counter: (name, points, seconds) => limiter.counter(name, points, seconds),
        callerOf: (context) => context.rateLimitKey,
      }),
    ],
  });
  await server.start();
  const callers = createCallerVerifier(options.identity);
  const limiter = createCallerLimiter(options.callerLimits ?? callerLimitsFromEnvironment());
  const reportReadiness = reportDepartments(metrics.registry, logger);
  const clientAddress = findClientAddress(options.trustedProxies ?? []);
  const forOperators = onlyOperators({ operatorAddresses: options.operatorAddresses, clientAddress });
  const answerTtlMs = options.operatorAnswerTtlMs ?? OPERATOR_ANSWER_TTL_MS;
  const readiness = reuseRecentResult(answerTtlMs, async () => {
    const result = await checkReadiness({ supergraphLoaded: apiSchemaSdl !== '', subgraphUrls: options.subgraphUrls });
    reportReadiness(result);
    return result;
  });
  const metricsText = reuseRecentResult(answerTtlMs, () => metrics.registry.metrics());
  const routes: Record<string, PricedRoute> = {
    // Without introspection the schema is not public: no explorer and no SDL (404).
    ...(limits.introspection
      ? priced(
          ROUTE_COST.bundle,
          explorerRoutes({ exampleQuery: EXAMPLE_QUERY, exampleVariables: { name: '科技', first: 5 } }),
          { 'GET /': ROUTE_COST.page },
        )
      : {}),
    ...(limits.introspection
      ? {
          'GET /schema.graphql': {
            cost: ROUTE_COST.page,
            route: (_req, res) => {
              res.writeHead(200, {
                'content-type': 'text/plain; charset=utf-8',
                'content-length': Buffer.byteLength(apiSchemaSdl),
              });
              res.end(apiSchemaSdl);
            },
          },
        }
      : {}),
    'GET /health': { cost: ROUTE_COST.page, route: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    'GET /ready': {
      cost: ROUTE_COST.file,
      route: forOperators(async (_req, res) => {
        const { ready, departmentsDown, checks } = await readiness();
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', departmentsDown, checks });
      }),
    },
    'GET /metrics': {
      cost: ROUTE_COST.file,
      route: forOperators(async (_req, res) => {
        const text = await metricsText();
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
    ...priced(
      ROUTE_COST.file,
      certificateRoutes({
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
      }),
      {
        'GET /certificates/verify': ROUTE_COST.page,
        'POST /certificates/print': ROUTE_COST.print,
      },
    ),
  };
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
