import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import { ANONYMOUS, sendJson, serveGraphQL, type Caller, type RunningServer } from '../core/index.js';
import { createLogger, createServiceMetrics, logRequestsPlugin, type Logger } from '../core/operations/index.js';
import type { GatewayContext } from './context.js';
import { createCallerVerifier, type IdentityOptions } from './auth.js';
import { createGateway, type GatewayOptions } from './createGateway.js';
import { certificateRoutes } from './certificateRoutes.js';
import { explorerRoutes } from './explorer.js';
import { formatGatewayError } from './formatGatewayError.js';
import { formatRefusals } from './formatRefusals.js';
import { limitParseOptions, limitsFromEnvironment, limitValidationRules, type QueryLimits } from './limits.js';
import { refuseCostlyOperations } from './refuseCostlyOperations.js';
import { refuseUnresolvedOperation } from './refuseUnresolvedOperation.js';
import { capResponses } from './capResponses.js';
import { checkScalarVariables } from './checkScalarInputs.js';
import {
  callerLimitsFromEnvironment,
  chargeRefusals,
  createCallerLimiter,
  rateLimitKeyOf,
  type CallerLimits,
} from './limitCallers.js';
import { checkReadiness } from './readiness.js';
import { privacyWorkbenchRoutes } from './privacyWorkbench.js';
import { reportDepartments } from './reportDepartments.js';
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
  /** The portal's trusted documents and applications (gateway/requireTrustedDocuments.ts); defaults from the environment, null for none. */
  trustedDocuments?: TrustedDocuments | null;
  /** The gateway's published public keys, served at GET /internal/jwks.json for subgraphs (GATEWAY_JWKS_URL). */
  publishedKeys?(): Promise<JSONWebKeySet>;
}

const EXAMPLE_QUERY = readFileSync(new URL('../examples/operations/SearchCompanies.graphql', import.meta.url), 'utf8');

/**
 * Starts the gateway: the federated graph at /graphql behind caller verification (auth.ts) and
 * query limits (limits.ts), the offline explorer at /, the public API schema at /schema.graphql,
 * and /health, /ready, /metrics for operators. Each concern is one file; this is the list.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger('gateway');
  const metrics = createServiceMetrics('gateway');
  // Only the error's class: an unexpected error's message may carry a subgraph's text.
  const logError = (error: unknown) =>
    logger.error({ error: error instanceof Error ? error.name : typeof error }, 'unexpected error');
  const limits = options.limits ?? limitsFromEnvironment();
  const trusted = options.trustedDocuments === undefined ? trustedDocumentsFromEnvironment() : options.trustedDocuments;
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
    ],
  });
  await server.start();
  const callers = createCallerVerifier(options.identity);
  const limiter = createCallerLimiter(options.callerLimits ?? callerLimitsFromEnvironment());
  const reportReadiness = reportDepartments(metrics.registry, logger);
  // The response of each request, for the limiter: it sets Retry-After and frees the slot when the answer is sent.
  const responses = new WeakMap<IncomingMessage, ServerResponse>();
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    authenticate: async (req) => {
      let caller: Caller;
      try {
        caller = await callers.verify(header(req.headers.authorization), header(req.headers['x-purpose']));
      } catch (error) {
        // Refused callers count against their address, so a flood of bad tokens is limited too.
        await limiter.admit(rateLimitKeyOf(ANONYMOUS, req), responses.get(req)!);
        throw error;
      }
      await limiter.admit(rateLimitKeyOf(caller, req), responses.get(req)!);
      return caller;
    },
    context: async ({ requestId, correlationId, caller, req }) => ({
      requestId,
      correlationId,
      caller,
      rateLimitKey: rateLimitKeyOf(caller, req),
    }),
    routes: {
      // Without introspection the schema is not public: no explorer and no SDL (404).
      ...(limits.introspection
        ? explorerRoutes({ exampleQuery: EXAMPLE_QUERY, exampleVariables: { name: '科技', first: 5 } })
        : {}),
      ...(limits.introspection
        ? {
            'GET /schema.graphql': (_req, res) => {
              res.writeHead(200, {
                'content-type': 'text/plain; charset=utf-8',
                'content-length': Buffer.byteLength(apiSchemaSdl),
              });
              res.end(apiSchemaSdl);
            },
          }
        : {}),
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
      'GET /ready': async (_req, res) => {
        const readiness = await checkReadiness({
          supergraphLoaded: apiSchemaSdl !== '',
          subgraphUrls: options.subgraphUrls,
        });
        reportReadiness(readiness);
        const { ready, departmentsDown, checks } = readiness;
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', departmentsDown, checks });
      },
      'GET /metrics': metrics.route,
      ...(options.publishedKeys
        ? {
            // Public keys only; the subgraphs pick the one a caller token names by its kid.
            'GET /internal/jwks.json': async (_req, res) => sendJson(res, 200, await options.publishedKeys!()),
          }
        : {}),
      // The privacy officers' workbench page and its JSON (privacyWorkbench.ts).
      ...privacyWorkbenchRoutes(),
      // Seal keys for verifiers, the certificate check page and printable certificates (certificateRoutes.ts).
      ...certificateRoutes(),
    },
  });
  running.httpServer.prependListener('request', (req: IncomingMessage, res: ServerResponse) => responses.set(req, res));
  return {
    ...running,
    close: async () => {
      callers.close();
      await running.close();
      await limiter.close();
    },
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
