import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../core/bundleBrowserScript.js';
import { DEPARTMENT_SETTINGS } from '../registry/departments.js';
import { ANONYMOUS, readLimited, sendJson, type BearerTokenVerifier, type Caller } from '../core/index.js';
import {
  createWorkbenchLimiter,
  DEFAULT_WORKBENCH_LIMITS,
  ROUTE_COST,
  type RateRefusal,
  type WorkbenchLimits,
} from './limitWorkbenchCallers.js';
import { createPolicyWorkbench, type PolicyWorkbench } from './policyWorkbench.js';
import { privacyWorkbenchRoutes, refusalOfCaller, refusalOfError, refuse, type Refusal } from './workbenchRoutes.js';

/** The largest body passed on to the graph: the page's access log query and its variables, well under 2 KB. */
const MAX_GRAPHQL_BODY_BYTES = 65_536;
/** How long the graph may take for one page of the access log (the gateway's own deadline is 5 s). */
const GRAPH_TIMEOUT_MS = 15_000;

/** Answered to anyone, and none of them reads a token: the page, its files and the probe. */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /',
  'GET /health',
  'GET /privacy',
  'GET /privacy/',
  'GET /privacy/page.js',
  'GET /privacy/page.css',
]);
/** What each route costs its caller (limitWorkbenchCallers.ts); anything else costs a page. */
const ROUTE_COSTS: Readonly<Record<string, number>> = {
  'GET /privacy/policy.json': ROUTE_COST.policy,
  'GET /privacy/versions.json': ROUTE_COST.policy,
  'GET /privacy/diff.json': ROUTE_COST.policyDiff,
  'POST /graphql': ROUTE_COST.graphql,
};

export interface WorkbenchServerOptions {
  /** The gateway's base URL (e.g. http://127.0.0.1:4000), whose /graphql the page's access log search is passed to. */
  gatewayUrl: string;
  port?: number;
  host?: string;
  /** Checks a caller's bearer token: the identity provider's keys and claims, as the gateway checks them. */
  verifyToken: BearerTokenVerifier;
  /** The policy folder in force (PRIVACY_DIR); defaults to the repository's privacy/. */
  policyFolder?: string;
  /** The workbench to serve (a test passes one with its own git runner, and closes it); defaults to one of its own. */
  workbench?: PolicyWorkbench;
  /** Per-caller cost units per window; defaults to WORKBENCH_RATE_LIMIT_COST per WORKBENCH_RATE_LIMIT_WINDOW_S. */
  limits?: WorkbenchLimits;
}

export interface RunningWorkbench {
  url: string;
  port: number;
  workbench: PolicyWorkbench;
  close(): Promise<void>;
}

/**
 * The privacy officers' workbench as an app of its own (`npm run workbench`,
 * docs/privacy-workbench.md), apart from the citizen-facing gateway: its page at /privacy/ (the
 * script bundled at start, nothing from another host, a strict Content-Security-Policy), the JSON
 * of workbenchRoutes.ts for privacy officers only, and /graphql passed to the gateway on the same
 * origin for the access log search. Every request but the public ones is charged to its caller
 * first (limitWorkbenchCallers.ts) and its token verified (401, 403) before any git, compilation or
 * call to the graph.
 */
export async function startWorkbench(options: WorkbenchServerOptions): Promise<RunningWorkbench> {
  // The page's script, bundled from workbench/client/ (TypeScript, type checked with the DOM's types).
  const pageScript = await bundleBrowserScript(fileURLToPath(new URL('./client/main.ts', import.meta.url)));
  const workbench =
    options.workbench ??
    createPolicyWorkbench({
      departments: DEPARTMENT_SETTINGS,
      ...(options.policyFolder ? { policyFolder: options.policyFolder } : {}),
    });
  const routes = privacyWorkbenchRoutes({
    workbench,
    pageScript,
    ...(options.policyFolder ? { policyFolder: options.policyFolder } : {}),
  });
  routes['GET /'] = (_req, res) => {
    res.writeHead(308, { location: '/privacy/', 'content-length': 0 });
    res.end();
  };
  const limiter = createWorkbenchLimiter(options.limits ?? DEFAULT_WORKBENCH_LIMITS);
  const graphql = `${options.gatewayUrl.replace(/\/$/, '')}/graphql`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    if (path === null)
      return refuse(res, { status: 400, code: 'BAD_REQUEST', message: 'The request target is not a path.' });
    const key = `${req.method} ${path}`;
    // The probe's answer is fixed: it costs nothing, so an orchestrator's checks never meet the limits.
    if (key === 'GET /health') return sendJson(res, 200, { status: 'ok' });
    const isGraphql = key === 'POST /graphql';
    // A public route reads no token; any other request's token is checked here, once, before its charge.
    let caller: Caller = ANONYMOUS;
    let tokenRefused: Refusal | null = null;
    if (!PUBLIC_ROUTES.has(key) && req.headers.authorization !== undefined) {
      try {
        caller = (await options.verifyToken(req.headers.authorization)) ?? ANONYMOUS;
      } catch (error) {
        tokenRefused = refusalOfError(error);
      }
    }
    const overLimit = await limiter.charge(caller, req.socket.remoteAddress ?? 'unknown', ROUTE_COSTS[key] ?? 1);
    const refused = overLimit ? rateLimited(overLimit) : tokenRefused;
    if (refused) return isGraphql ? refuseGraphql(res, refused) : refuse(res, refused);
    if (isGraphql) return passToGraph(req, res, caller, graphql);
    const route = routes[key];
    if (!route)
      return refuse(res, {
        status: 404,
        code: 'NOT_FOUND',
        message: 'No such path here: the workbench is at /privacy/.',
      });
    await route(req, res, { req, requestId: randomUUID(), correlationId: null, caller });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Only a bug gets here (the routes answer their own failures): a code, never a stack.
      if (!res.headersSent)
        refuse(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The workbench failed unexpectedly.' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    workbench,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (!options.workbench) await workbench.close();
    },
  };
}

/** The request target's path, or null for a target that is no URL (answered 400, never a 500). */
function pathOf(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://workbench').pathname;
  } catch {
    return null;
  }
}

function rateLimited(refusal: RateRefusal): Refusal {
  return { status: 429, code: 'RATE_LIMITED', message: refusal.message, retryAfterSeconds: refusal.retryAfterSeconds };
}

/**
 * One page of the access log search, passed to the gateway's /graphql with the officer's own token
 * and X-Purpose (and nothing else of the request), so the platform's policy decides what the
 * officer sees and the search is recorded in the access log. Only a privacy officer's request is
 * passed on: the workbench is no open door to the graph.
 */
async function passToGraph(req: IncomingMessage, res: ServerResponse, caller: Caller, graphql: string) {
  const refused = refusalOfCaller(caller);
  if (refused) return refuseGraphql(res, refused);
  const body = await readLimited(req, MAX_GRAPHQL_BODY_BYTES);
  if (body === null)
    return refuseGraphql(res, {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request is larger than the workbench passes on (${MAX_GRAPHQL_BODY_BYTES} bytes).`,
    });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const name of ['authorization', 'x-purpose'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  let status: number;
  let type: string;
  let text: string;
  try {
    const answer = await fetch(graphql, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(GRAPH_TIMEOUT_MS),
    });
    [status, type, text] = [
      answer.status,
      answer.headers.get('content-type') ?? 'application/json',
      await answer.text(),
    ];
  } catch {
    return refuseGraphql(res, {
      status: 503,
      code: 'WORKBENCH_UNAVAILABLE',
      message: 'The workbench could not reach the graph to search the access log; try again shortly.',
    });
  }
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** A refusal in GraphQL's shape, `{ "errors": [{ "message", "extensions": { "code" } }] }`, as the page reads the graph's. */
function refuseGraphql(res: ServerResponse, { status, code, message, retryAfterSeconds }: Refusal): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {}),
    ...(status === 401 ? { 'www-authenticate': 'Bearer realm="privacy-workbench"' } : {}),
  });
  res.end(text);
}
