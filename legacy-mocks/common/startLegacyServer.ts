import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CallStats } from './CallStats.js';
import { FaultPlan } from './FaultPlan.js';
import type { WriteStore } from './WriteStore.js';
import { runInWriteScope, type WriteScope } from './writeScope.js';

/** The largest admin request body accepted (a fault setting is a few dozen bytes). */
const MAX_ADMIN_BODY_BYTES = 4_096;
/** How many callers' request ids GET /__admin/requests remembers, to follow a request into a legacy system. */
const REMEMBERED_REQUEST_IDS = 200;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** How a department's protocol expresses the injected faults. */
export interface FaultResponses {
  /** An injected failure: a SOAP fault, an error code, an HTTP 500. */
  error(res: ServerResponse): void;
  /** An injected malformed answer: 200 with a body the client cannot parse. */
  malformed(res: ServerResponse): void;
}

export interface LegacyServerOptions {
  /** The system's name, for the start-up line. */
  name: string;
  port?: number;
  host?: string;
  /** Serves the department's protocol; called only for requests that pass the fault plan. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  faultResponses: FaultResponses;
  stats: CallStats;
  faults: FaultPlan;
  /** The system's writes: listed by GET /__admin/writes, closed with the server. */
  writes?: WriteStore;
}

export interface RunningLegacyServer {
  name: string;
  url: string;
  port: number;
  stats: CallStats;
  faults: FaultPlan;
  close(): Promise<void>;
}

/**
 * Starts one legacy system on its own port: the admin endpoints every mock shares
 * (GET /__admin/stats, POST /__admin/reset, POST /__admin/faults, GET /__admin/writes), the fault
 * plan applied before the department's handler (and, for failAfterWriteRate, after a write took
 * effect), and a close() that also ends requests left hanging and closes the write journal.
 */
export async function startLegacyServer(options: LegacyServerOptions): Promise<RunningLegacyServer> {
  const { stats, faults } = options;
  const sockets = new Set<Socket>();
  const requestIds: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/__admin/')) {
      if (req.url === '/__admin/requests' && req.method === 'GET') return sendJson(res, 200, { requestIds });
      if (req.url === '/__admin/writes' && req.method === 'GET')
        return sendJson(res, 200, { writes: options.writes?.log() ?? [] });
      handleAdmin(req, res, stats, faults);
      return;
    }
    // Like a real system's access log: the caller's request id, so one request can be followed here.
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string' && REQUEST_ID_PATTERN.test(requestId)) {
      requestIds.push(requestId);
      if (requestIds.length > REMEMBERED_REQUEST_IDS) requestIds.shift();
    }
    const outcome = faults.draw();
    if (outcome.kind === 'down') {
      // Refuse service the way a dead backend does: the connection is dropped without an answer.
      req.socket.destroy();
      return;
    }
    if (outcome.kind === 'hang') return; // Never answered; close() ends it.
    const delay = faults.delayMs();
    const respond = () => {
      if (res.destroyed) return;
      if (outcome.kind === 'error') options.faultResponses.error(res);
      else if (outcome.kind === 'malformed') options.faultResponses.malformed(res);
      else {
        try {
          const scope: WriteScope = { wrote: false };
          dropAnswerAfterWrite(req, res, scope, faults);
          runInWriteScope(scope, () => options.handle(req, res));
        } catch {
          // A handler bug must not take the system down: answer like a broken backend would.
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
        }
      }
    };
    if (delay > 0) setTimeout(respond, delay).unref();
    else respond();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  // Loopback keep-alive clients reuse connections; keep them a while so a benchmark does not
  // spend its time on handshakes.
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    name: options.name,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          options.writes?.close();
          resolve();
        });
      }),
  };
}

/**
 * The after-write fault: when the request's write took effect and failAfterWriteRate draws it,
 * the answer is never sent and the connection dropped, as when a system crashes between its
 * commit and its reply. The caller cannot tell this from a lost request: only a retry under the
 * same key, answered with the first answer, tells it the write was done.
 */
function dropAnswerAfterWrite(req: IncomingMessage, res: ServerResponse, scope: WriteScope, faults: FaultPlan): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (scope.wrote && faults.drawAfterWrite()) {
      req.socket.destroy();
      return res;
    }
    return end(...args);
  }) as ServerResponse['end'];
}

function handleAdmin(req: IncomingMessage, res: ServerResponse, stats: CallStats, faults: FaultPlan): void {
  const path = new URL(req.url ?? '/', 'http://mock').pathname;
  if (path === '/__admin/stats' && req.method === 'GET') return sendJson(res, 200, stats.snapshot());
  if (path === '/__admin/reset' && req.method === 'POST') {
    stats.reset();
    faults.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (path === '/__admin/faults' && req.method === 'GET') return sendJson(res, 200, faults.current);
  if (path === '/__admin/faults' && req.method === 'POST') {
    readBody(req, MAX_ADMIN_BODY_BYTES)
      .then((text) => {
        let body: unknown;
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          return sendJson(res, 400, { error: 'the body is not valid JSON' });
        }
        const problem = faults.apply(body);
        if (problem) return sendJson(res, 400, { error: problem });
        return sendJson(res, 200, faults.current);
      })
      .catch(() => sendJson(res, 413, { error: `the body is larger than ${MAX_ADMIN_BODY_BYTES} bytes` }));
    return;
  }
  sendJson(res, 404, {
    error:
      'admin endpoints: GET /__admin/stats, POST /__admin/reset, GET|POST /__admin/faults, GET /__admin/requests, GET /__admin/writes',
  });
}

/** Reads a request body as UTF-8, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
