import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloGateway } from '@apollo/gateway';
import type { Logger, ServiceMetrics } from '../core/operations/index.js';
import { logRequestsPlugin } from '../core/operations/index.js';
import { limitActingCallers, type ActingScopes } from './actingCallers.js';
import { capResponses } from './capResponses.js';
import { checkScalarVariables } from './checkScalarInputs.js';
import type { GatewayContext } from './context.js';
import { formatGatewayError } from './formatGatewayError.js';
import { formatRefusals } from './formatRefusals.js';
import { chargeRefusals, type CallerLimiter } from './limitCallers.js';
import { limitCreations, type CreationBudgets } from './limitCreations.js';
import { limitParseOptions, limitValidationRules, type QueryLimits } from './limits.js';
import { refuseCostlyOperations } from './refuseCostlyOperations.js';
import { refuseUnresolvedOperation } from './refuseUnresolvedOperation.js';
import { requireTrustedDocuments, type TrustedDocuments } from './requireTrustedDocuments.js';

export interface GraphQLServerOptions {
  gateway: ApolloGateway;
  limits: QueryLimits;
  /** The portal's trusted documents and applications, or null for none. */
  trusted: TrustedDocuments | null;
  creationBudgets: CreationBudgets;
  /** Where operations' costs and refusals are charged (limitCallers.ts). */
  limiter: CallerLimiter;
  metrics: ServiceMetrics;
  logger: Logger;
  /** What the applications service may run, by matter (actingCallers.ts); none: it runs nothing. */
  actingScopes?: ActingScopes;
}

/**
 * The graph at /graphql: Apollo Server over the gateway, with the query limits as validation
 * rules and every other concern one plugin of the list below, in the order they act.
 */
export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<GatewayContext> {
  const { limits, limiter, logger } = options;
  // Only the error's class: an unexpected error's message may carry a subgraph's text.
  const logError = (error: unknown) =>
    logger.error({ error: error instanceof Error ? error.name : typeof error }, 'unexpected error');
  return new ApolloServer<GatewayContext>({
    gateway: options.gateway,
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
      ...(options.trusted ? [requireTrustedDocuments<GatewayContext>(options.trusted)] : []),
      options.metrics.plugin<GatewayContext>(),
      logRequestsPlugin<GatewayContext>(logger),
      // A document that fails validation went through every rule (about 9 ms for a 31-fragment family): it costs more units.
      chargeRefusals<GatewayContext>({ charge: (context, units) => limiter.charge(context.rateLimitKey, units) }),
      refuseUnresolvedOperation<GatewayContext>(),
      // The applications service acts for someone only within its matter's steps (actingCallers.ts).
      limitActingCallers<GatewayContext>(options.actingScopes ?? new Map()),
      checkScalarVariables<GatewayContext>(),
      refuseCostlyOperations<GatewayContext>({
        maxCost: limits.maxCost,
        charge: (context, cost) => limiter.charge(context.rateLimitKey, cost),
      }),
      capResponses<GatewayContext>(limits),
      // Mutations that create something (certificates): a budget per caller, subject and day (limitCreations.ts).
      limitCreations<GatewayContext>({
        budgets: options.creationBudgets,
        counter: (name, points, seconds) => limiter.counter(name, points, seconds),
        callerOf: (context) => context.rateLimitKey,
      }),
    ],
  });
}
