import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ANONYMOUS, type Caller } from './caller.js';
import { ERROR_CODES, isProductError, type ErrorCode } from './errors.js';
import { runInRequestScope } from './requestScope.js';

/** The largest request body accepted: a portal query is a few KB; anything near this is abuse. */
export const MAX_BODY_BYTES = 1_048_576;

/** Request ids are echoed into logs and headers, so only plain short ones are taken from callers. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface RequestInfo {
  req: IncomingMessage;
  /** This request's id: made here at the edge, or the gateway's own when a subgraph is called. */
  requestId: string;
  /** The caller's own x-request-id (or the one the gateway passed on), kept apart from requestId. */
  correlationId: string | null;
  /** Who is calling, as `authenticate` established before anything else ran. */
  caller: Caller;
}

/** A plain route beside GraphQL, e.g. GET /health. */
export type Route = (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => void | Promise<void>;

/** What a request asks for, as `admit` sees it before any of it runs. */
export type RequestTarget =
  | { kind: 'graphql' }
  /** A route of `routes`, by its key ("GET /health"). */
  | { kind: 'route'; key: string }
  /** No route and not GraphQL: answered 404 (or 400 for a target that is no URL). */
  | { kind: 'unknown' };

export interface ServeOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context(info: RequestInfo): Promise<TContext>;
  port?: number;
  host?: string;
  graphqlPath?: string;
  /** Keyed "METHOD /path", e.g. "GET /health". */
  routes?: Record<string, Route>;
  /**
   * Lets every request in, GraphQL, route or unknown path alike, before any of it runs (the
   * gateway's admission, gateway/admitRequests.ts): establishes the caller, whom a route gets in
   * `info.caller`, and may refuse by throwing a coded error (RATE_LIMITED, UNAUTHENTICATED),
   * answered with that code's status. It may set headers on `res` (Retry-After) first.
   */
  admit?(req: IncomingMessage, res: ServerResponse, target: RequestTarget): Promise<Caller>;
  /**
   * Establishes the caller of a GraphQL request before it is parsed (the subgraphs' caller-token
   * check); throwing a coded error (UNAUTHENTICATED) answers with that code's status and nothing
   * is executed. Runs after `admit`, for GraphQL requests only.
   */
  authenticate?(req: IncomingMessage): Promise<Caller>;
  maxBodyBytes?: number;
  /**
   * 'own' (the edge, default): every request gets a new id; a caller's x-request-id is kept only
   * as its correlation id, so no caller chooses the id its access-log record carries.
   * 'upstream' (subgraphs, whose only caller is the gateway): x-request-id and x-correlation-id
   * are the gateway's.
   */
  requestIds?: 'own' | 'upstream';
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

/**
 * Serves an already started ApolloServer over node:http, with the plain routes beside it.
 * One implementation for the gateway and every subgraph: body limit, JSON errors with codes
 * from the table, a request id on every response, and nothing unexpected leaking out.
 */
export async function serveGraphQL<TContext extends BaseContext>(
  options: ServeOptions<TContext>,
): Promise<RunningServer> {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const sockets = new Set<Socket>();

  const httpServer = createServer((req, res) => {
    const incoming = plainId(req.headers['x-request-id']);
    const upstream = options.requestIds === 'upstream';
    const requestId = (upstream ? incoming : null) ?? randomUUID();
    const correlationId = upstream ? plainId(req.headers['x-correlation-id']) : incoming;
    res.setHeader('x-request-id', requestId);
    if (correlationId) res.setHeader('x-correlation-id', correlationId);
    const info: RequestInfo = { req, requestId, correlationId, caller: ANONYMOUS };
    const url = parseTarget(req.url);
    const key = url ? `${req.method} ${url.pathname}` : '';
    const route = url && options.routes && Object.hasOwn(options.routes, key) ? options.routes[key] : undefined;
    const target: RequestTarget = route
      ? { kind: 'route', key }
      : url?.pathname === graphqlPath
        ? { kind: 'graphql' }
        : { kind: 'unknown' };
    // Async throughout: an exception thrown in this listener would take the whole process down.
    const serve = async (): Promise<void> => {
      if (options.admit) info.caller = await options.admit(req, res, target);
      // An absolute-form target such as "http://[" is legal on the wire but no URL.
      if (!url) return sendError(res, 'BAD_REQUEST', 'The request target is not a valid URL.');
      if (route) return route(req, res, info);
      if (target.kind === 'graphql') return handleGraphQL(options, req, res, info, url, maxBodyBytes);
      sendError(res, 'NOT_FOUND', `Nothing at ${url.pathname.slice(0, 100)}; GraphQL is served at ${graphqlPath}.`);
    };
    const work = target.kind === 'graphql' ? runInRequestScope(requestId, serve) : serve();
    work.catch((error: unknown) => {
      if (isProductError(error)) sendError(res, error.extensions.code as ErrorCode, error.message);
      else sendError(res, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    });
  });
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  httpServer.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  let closing: Promise<void> | undefined;
  const close = async () => {
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      // Idle keep-alive connections would hold close() open; in-flight ones are cut after a grace period.
      httpServer.closeIdleConnections();
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 2_000).unref();
    });
    await options.server.stop();
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    httpServer,
    // Safe to call twice: a test may stop a subgraph early and the harness close it again.
    close: () => (closing ??= close()),
  };
}

async function handleGraphQL<TContext extends BaseContext>(
  options: ServeOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
  url: URL,
  maxBodyBytes: number,
): Promise<void> {
  if (options.authenticate) info.caller = await options.authenticate(req);
  let body: unknown;
  if (req.method === 'POST') {
    const contentType = req.headers['content-type'] ?? '';
    const text = await readLimited(req, maxBodyBytes);
    if (text === null)
      return sendError(res, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes.`);
    if (/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendError(res, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    } else {
      // Apollo answers a POST that is not JSON with a clear 400 of its own (and CSRF prevention).
      body = text;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: () => options.context(info),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function plainId(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && REQUEST_ID_PATTERN.test(value) ? value : null;
}

function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://server');
  } catch {
    return null;
  }
}

/** A request body as text, or null when it is larger than `limit` bytes (the rest is read and dropped). */
export function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A GraphQL-shaped error response with a code from the table and its HTTP status. */
export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, ERROR_CODES[code].status, { errors: [{ message, extensions: { code } }] });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
