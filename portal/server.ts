import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../core/bundleBrowserScript.js';
import { PORTAL_APPLICATION, type PortalFixture, type TokenSigner } from './devSignIn.js';

/** The largest body the portal passes on to the gateway: its operations are sent by hash, a few hundred bytes. */
const MAX_BODY_BYTES = 65_536;

export interface PortalOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  gatewayUrl: string;
  port?: number;
  host?: string;
  /** Development sign-in: the fixtures offered and who signs their tokens. Null where the development issuer is not in use. */
  signIn: { fixtures: readonly PortalFixture[]; sign: TokenSigner } | null;
}

export interface RunningPortal {
  url: string;
  port: number;
  close(): Promise<void>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The reference portal (`npm run portal`): static page, stylesheet and browser script served by
 * itself (no CDN), the gateway's /graphql passed through on the same origin, and, only while the
 * development issuer is in use, a development sign-in (GET /dev/fixtures, POST /dev/token).
 */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  // The browser script, bundled from portal/client/ with the trusted documents and their generated types.
  const script = await bundleBrowserScript(here('./client/main.ts'));
  const html = readFileSync(here('./public/index.html'), 'utf8');
  const css = readFileSync(here('./public/portal.css'), 'utf8');
  const gateway = `${options.gatewayUrl.replace(/\/$/, '')}/graphql`;
  const headers = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  };
  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, body: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 502, { errors: [{ message: 'The portal could not reach the graph.' }] });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://portal').pathname;
    const route = `${req.method} ${path}`;
    if (route === 'GET /' || route === 'GET /index.html') return send(res, 200, 'text/html; charset=utf-8', html);
    if (route === 'GET /portal.css') return send(res, 200, 'text/css; charset=utf-8', css);
    if (route === 'GET /portal.js') return send(res, 200, 'text/javascript; charset=utf-8', script);
    if (route === 'GET /health') return sendJson(res, 200, { status: 'ok' });
    if (route === 'GET /dev/fixtures') {
      if (!options.signIn)
        return sendJson(res, 404, { error: 'Development sign-in is off: the development issuer is not in use.' });
      return sendJson(
        res,
        200,
        options.signIn.fixtures.map(({ id, label, about, kind }) => ({ id, label, about, kind })),
      );
    }
    if (route === 'POST /dev/token') {
      if (!options.signIn)
        return sendJson(res, 404, { error: 'Development sign-in is off: the development issuer is not in use.' });
      const body = await readBody(req);
      let wanted: unknown;
      try {
        wanted = (JSON.parse(body ?? '') as { fixture?: unknown }).fixture;
      } catch {
        wanted = undefined;
      }
      const fixture = options.signIn.fixtures.find((entry) => entry.id === wanted);
      if (!fixture) return sendJson(res, 400, { error: 'Unknown fixture: choose one of GET /dev/fixtures.' });
      const token = await options.signIn.sign({
        kind: fixture.kind,
        sub: fixture.sub,
        ...(fixture.roles ? { roles: fixture.roles } : {}),
        azp: PORTAL_APPLICATION,
      });
      return sendJson(res, 200, {
        token,
        kind: fixture.kind,
        sub: fixture.sub,
        label: fixture.label,
        purpose: fixture.purpose ?? null,
        home: fixture.home,
      });
    }
    if (route === 'POST /graphql') {
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { errors: [{ message: 'Request too large.' }] });
      const forwarded: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      for (const name of ['authorization', 'x-purpose'] as const) {
        const value = req.headers[name];
        if (typeof value === 'string') forwarded[name] = value;
      }
      const answer = await fetch(gateway, { method: 'POST', headers: forwarded, body });
      const text = await answer.text();
      return send(res, answer.status, answer.headers.get('content-type') ?? 'application/json', text);
    }
    sendJson(res, 404, { error: 'Not found.' });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The body as text, or null when it is larger than the portal passes on. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
