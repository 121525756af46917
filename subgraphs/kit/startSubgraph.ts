import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type DocumentNode } from 'graphql';
import type { CryptoKey } from 'jose';
import type { Caller } from './caller.js';
import { AccessCollector } from './AccessCollector.js';
import type { AccessLogStore } from './audit/index.js';
import { enforcePolicy } from './enforcePolicy.js';
import type { Department } from './errors.js';
import type { SubjectResolvers } from './privacy/types.js';
import { CALLER_TOKEN_HEADER, verifyCallerToken } from './identity/callerToken.js';
import { maskUnexpectedErrors } from './maskUnexpectedErrors.js';
import { recordAccessPlugin } from './recordAccessPlugin.js';
import { sendJson, serveGraphQL, type RunningServer } from './serveGraphQL.js';

/** What every resolver of every subgraph receives: who asks, and this request's own loaders. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  caller: Caller;
  /** Built fresh for each request, so nothing personal outlives it (DESIGN.md, "No data is copied"). */
  loaders: TLoaders;
  /** The policy's decisions on protected fields in this request, for the access log. */
  access: AccessCollector;
}

export interface SubgraphOptions<TLoaders> {
  department: Department;
  typeDefs: DocumentNode;
  // The generated Resolvers types are stricter than Apollo's map; each server.ts passes its own.
  resolvers: GraphQLResolverMap<SubgraphContext<TLoaders>> | object;
  createLoaders(): TLoaders;
  port?: number;
  host?: string;
  /** The gateway's public key: requests without a caller token it signed are refused (401). */
  gatewayKey: CryptoKey;
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
  /** Where operators' errors go; defaults to one JSON line on stderr without the error's data. */
  logError?(error: unknown): void;
}

export interface RunningSubgraph extends RunningServer {
  department: Department;
}

/**
 * Starts one department's subgraph: the schema built with @apollo/subgraph from its SDL and
 * resolvers, served on its own port with /graphql and /health, fresh loaders per request and
 * unexpected errors masked. Department folders hand their parts to this and hold no server code.
 */
export async function startSubgraph<TLoaders>(options: SubgraphOptions<TLoaders>): Promise<RunningSubgraph> {
  const logError = options.logError ?? defaultErrorLog(options.department);
  const policy = enforcePolicy({
    department: options.department,
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<SubgraphContext<TLoaders>> }]),
    subjects: options.subjects,
    policyFile: options.policyFile,
    onDecision: (event, context) => (context as { access?: AccessCollector } | undefined)?.access?.note(event),
    log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`),
  });
  const schema = policy.schema;
  const server = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: maskUnexpectedErrors(logError),
    includeStacktraceInErrorResponses: false,
    // No landing page (callers come through the gateway) and no per-field traces for Apollo's cloud.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.accessLog
        ? [recordAccessPlugin<SubgraphContext<TLoaders>>({ department: options.department, store: options.accessLog, log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`) })]
        : []),
    ],
  });
  await server.start();
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    authenticate: (req) => {
      const header = req.headers[CALLER_TOKEN_HEADER];
      return verifyCallerToken(typeof header === 'string' ? header : undefined, { key: options.gatewayKey, department: options.department });
    },
    context: async ({ requestId, caller }) => ({ requestId, caller, loaders: options.createLoaders(), access: new AccessCollector() }),
    routes: {
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', department: options.department }),
    },
  });
  return {
    ...running,
    department: options.department,
    close: async () => {
      await running.close();
      policy.close();
      options.onClose?.();
    },
  };
}

/** Reads a subgraph's SDL file that sits beside the module calling this. */
export function readSchema(moduleUrl: string, file = 'schema.graphql'): DocumentNode {
  return parse(readFileSync(new URL(file, moduleUrl), 'utf8'));
}

function defaultErrorLog(department: Department) {
  return (error: unknown) => {
    // Only the class and code: messages of unexpected errors may carry legacy text or personal data.
    const name = error instanceof Error ? error.name : typeof error;
    const original = (error as { originalError?: { name?: string; code?: string } } | null)?.originalError;
    process.stderr.write(`${JSON.stringify({ level: 'error', department, msg: 'unexpected error', error: name, cause: original?.name ?? null, code: original?.code ?? null })}\n`);
  };
}
