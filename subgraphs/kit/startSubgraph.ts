import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type DocumentNode } from 'graphql';
import { ANONYMOUS, type Caller } from '../../core/caller.js';
import { AccessCollector } from './AccessCollector.js';
import type { AccessLogStore } from '../../access-log/index.js';
import { usePrivacyPolicy } from './privacy/index.js';
import type { SchemaPlugin } from './SchemaPlugin.js';
import type { Department } from '../../core/errors.js';
import type { SubjectResolvers } from '../../policy/index.js';
import {
  CALLER_TOKEN_HEADER,
  createCallerTokenVerifier,
  type GatewayVerificationKey,
} from '../../core/identity/callerToken.js';
import { maskUnexpectedErrors } from '../../core/maskUnexpectedErrors.js';
import {
  createLogger,
  createServiceMetrics,
  logRequestsPlugin,
  type Logger,
  type ServiceMetrics,
} from '../../core/operations/index.js';
import { recordAccessPlugin } from './recordAccessPlugin.js';
import { sendJson, serveGraphQL, type RunningServer } from '../../core/serveGraphQL.js';

/** What every resolver of every subgraph receives: who asks, and this request's own loaders. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  /** The caller's own request id, if it sent one (kept apart from the gateway's requestId). */
  correlationId: string | null;
  caller: Caller;
  /** Built fresh for each request, so nothing personal outlives it (DESIGN.md, "No data is copied"). */
  loaders: TLoaders;
  /** The policy's decisions on protected fields in this request, for the access log. */
  access: AccessCollector;
}

export interface SubgraphOptions<TLoaders> {
  department: Department;
  typeDefs: DocumentNode;
  // The generated Resolvers types are stricter than Apollo's map; each department's definition returns its own.
  resolvers: GraphQLResolverMap<SubgraphContext<TLoaders>> | object;
  createLoaders(): TLoaders;
  port?: number;
  host?: string;
  /** The gateway's public key, or its published key set (picked by kid): requests without a caller token it signed are refused (401). */
  gatewayKey: GatewayVerificationKey;
  /** Whose data each type holds, for the privacy rules (subgraphs/<dept>/subjects.ts). */
  subjects: SubjectResolvers;
  /** The department's policy file; defaults to privacy/<department>.yaml. */
  policyFile?: string;
  /**
   * Where every access to a protected field is recorded before the answer leaves. `null` turns
   * recording off: for the benchmark's "protections off" contender only; the servers started
   * from the command line always open a store.
   */
  accessLog: AccessLogStore | null;
  /** Releases what the department holds open (its legacy client's connections) when the server stops. */
  onClose?(): void;
  /** The service's logger; defaults to a pino logger named after the department. */
  logger?: Logger;
  /** The service's metrics; a department passes its own when its legacy guard reports into them. */
  metrics?: ServiceMetrics;
  /**
   * BENCHMARKS ONLY: no caller check, no privacy policy, no access log, so a stock gateway can be
   * measured against the same subgraphs. Only code can set it (no environment variable does),
   * and the start says so loudly in the log.
   */
  withoutProtections?: boolean;
  /** Whether the subgraph can serve: its legacy system reachable, its circuit closed. Defaults to ready. */
  readiness?(): Promise<{ ready: boolean; checks: Record<string, unknown> }>;
}

export interface RunningSubgraph extends RunningServer {
  department: Department;
  metrics: ServiceMetrics;
}

/**
 * Starts one department's subgraph: the schema built with @apollo/subgraph from its SDL and
 * resolvers, served on its own port with /graphql and /health, fresh loaders per request and
 * unexpected errors masked. A department reaches it through startDepartment (its definition's parts) and holds no server code.
 */
export async function startSubgraph<TLoaders>(options: SubgraphOptions<TLoaders>): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(`${options.department}-subgraph`);
  const metrics = options.metrics ?? createServiceMetrics(`${options.department}-subgraph`);
  // Only the error's class and code: messages of unexpected errors may carry legacy text.
  const logError = (error: unknown) => logger.error({ error: describeError(error) }, 'unexpected error');
  const built = buildSubgraphSchema([
    { typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<SubgraphContext<TLoaders>> },
  ]);
  const open = options.withoutProtections === true;
  if (open)
    logger.warn(
      { department: options.department },
      'STARTED WITHOUT PROTECTIONS (benchmark): no caller check, no privacy policy, no access log',
    );
  // Kit's list of protections around the schema, each a plugin: all on unless a benchmark turns them off.
  const schemaPlugins: SchemaPlugin[] = open
    ? []
    : [
        usePrivacyPolicy({
          department: options.department,
          subjects: options.subjects,
          policyFile: options.policyFile,
          // One batch per field and decision in a request, not a note per list item (issue 23).
          onDecisionBatch: (batch, context) =>
            (context as { access?: AccessCollector } | undefined)?.access?.noteBatch(batch),
          onVersion: (version) => options.accessLog?.registerPolicy(version),
          log: ({ level, msg, ...entry }) => logger[level === 'warn' ? 'warn' : 'info'](entry, String(msg)),
        }),
      ];
  const schema = schemaPlugins.reduce((wrapped, plugin) => plugin.onSchema(wrapped), built);
  const server = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: maskUnexpectedErrors(logError),
    includeStacktraceInErrorResponses: false,
    // No landing page (callers come through the gateway) and no per-field traces for Apollo's cloud.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      metrics.plugin<SubgraphContext<TLoaders>>(),
      logRequestsPlugin<SubgraphContext<TLoaders>>(logger),
      ...(options.accessLog && !open
        ? [
            recordAccessPlugin<SubgraphContext<TLoaders>>({
              department: options.department,
              store: options.accessLog,
              log: ({ msg, ...entry }) => logger.error(entry, String(msg)),
            }),
          ]
        : []),
    ],
  });
  await server.start();
  const verifyCallerToken = createCallerTokenVerifier({ key: options.gatewayKey, department: options.department });
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    // The gateway made the request id; the caller's own is its correlation id.
    requestIds: 'upstream',
    authenticate: open
      ? async () => ANONYMOUS
      : (req) => {
          const header = req.headers[CALLER_TOKEN_HEADER];
          return verifyCallerToken(typeof header === 'string' ? header : undefined);
        },
    context: async ({ requestId, correlationId, caller }) => ({
      requestId,
      correlationId,
      caller,
      loaders: options.createLoaders(),
      access: new AccessCollector(),
    }),
    routes: {
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', department: options.department }),
      'GET /ready': async (_req, res) => {
        const { ready, checks } = options.readiness ? await options.readiness() : { ready: true, checks: {} };
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          department: options.department,
          checks,
        });
      },
      'GET /metrics': metrics.route,
    },
  });
  return {
    ...running,
    department: options.department,
    metrics,
    close: async () => {
      await running.close();
      for (const plugin of schemaPlugins) plugin.onClose();
      options.onClose?.();
    },
  };
}

/** Reads a subgraph's SDL file that sits beside the module calling this. */
export function readSchema(moduleUrl: string, file = 'schema.graphql'): DocumentNode {
  return parse(readFileSync(new URL(file, moduleUrl), 'utf8'));
}

function describeError(error: unknown): { type: string; cause: string | null; code: string | null } {
  const original = (error as { originalError?: { name?: string; code?: string } } | null)?.originalError;
  return {
    type: error instanceof Error ? error.name : typeof error,
    cause: original?.name ?? null,
    code: original?.code ?? null,
  };
}
