import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEPARTMENT_SETTINGS } from '../registry/departments.js';
import {
  ERROR_CODES,
  isProductError,
  type Caller,
  type ErrorCode,
  type RequestInfo,
  type Route,
} from '../core/index.js';
import { createPolicyWorkbench, type PolicyWorkbench } from './policyWorkbench.js';

/** The role whose holders may read the workbench's data (privacy/roles.yaml). */
export const PRIVACY_OFFICER_ROLE = 'privacy-officer';

export interface PrivacyWorkbenchOptions {
  /** The policy folder in force (PRIVACY_DIR, read once by workbenchConfig.ts); defaults to the repository's privacy/. */
  policyFolder?: string;
  /**
   * Verifies the request's `Authorization: Bearer` token (core's createBearerTokenVerifier) when
   * nothing before the route has: a route whose `info.caller` is already an authenticated caller
   * (the workbench's server verified it first) uses that one. Without it, and without a caller in
   * `info`, every data route answers 401.
   */
  verifyCaller?(req: IncomingMessage): Promise<Caller>;
  /** The workbench to serve (a test passes one with its own git runner); defaults to one over the policy in force. */
  workbench?: PolicyWorkbench;
  /** The page's script, bundled from workbench/client/ (server.ts); without it, /privacy/page.js is not served. */
  pageScript?: string;
}

/** The page's files, from workbench/public/ and the bundled script: nothing comes from another host. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/privacy/': { file: 'public/index.html', type: 'text/html' },
  '/privacy/page.css': { file: 'public/page.css', type: 'text/css' },
};

// The page's own script and styles only; it talks to the workbench's server alone (JSON here, the log via its /graphql).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export type Refusal = { status: number; code: string; message: string; retryAfterSeconds?: number };
type OfficerRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The privacy officers' workbench at /privacy/ (docs/privacy-workbench.md): a public static page
 * and the JSON it reads, for privacy officers only — the policy in force as a table (policy.json),
 * the committed versions of privacy/ (versions.json) and what changes since one of them
 * (diff.json?ref=). A data route checks the caller before anything else: no token is 401
 * UNAUTHENTICATED, a caller who is not an officer with the privacy-officer role 403 FORBIDDEN, and
 * neither costs any git or compilation. The work itself is the workbench's
 * (createPolicyWorkbench): cached, bounded, and off the event loop. The access log is not served
 * here: the page asks the graph's /graphql with the officer's own token, so the platform
 * subgraph's policy decides who sees it, and every search is recorded in the access log.
 */
export function privacyWorkbenchRoutes(options: PrivacyWorkbenchOptions = {}): Record<string, Route> {
  const policyFolder = options.policyFolder;
  const workbench: PolicyWorkbench =
    options.workbench ??
    createPolicyWorkbench({ departments: DEPARTMENT_SETTINGS, ...(policyFolder ? { policyFolder } : {}) });
  const forOfficers = (route: OfficerRoute): Route => guarded(requirePrivacyOfficer(route, options.verifyCaller));
  const routes: Record<string, Route> = {
    'GET /privacy': (_req, res) => {
      res.writeHead(308, { location: '/privacy/', 'content-length': 0 });
      res.end();
    },
    'GET /privacy/policy.json': forOfficers(async (_req, res) => answer(res, await workbench.table())),
    'GET /privacy/versions.json': forOfficers(async (_req, res) => {
      const versions = await workbench.versions();
      answer(res, versions.ok ? { ok: true, value: { versions: versions.value } } : versions);
    }),
    'GET /privacy/diff.json': forOfficers(async (req, res) => {
      const ref = new URL(req.url ?? '/', 'http://workbench').searchParams.get('ref');
      if (!ref)
        return refuse(res, { status: 400, code: 'MISSING_REF', message: 'give ?ref=<branch, tag or commit id>' });
      answer(res, await workbench.diff(ref));
    }),
  };
  const assets = Object.entries(ASSETS).map(([path, asset]) => ({
    path,
    type: asset.type,
    // Read once at start, so a missing file fails the start, not a visitor.
    body: readFileSync(new URL(`./${asset.file}`, import.meta.url)),
  }));
  if (options.pageScript !== undefined)
    assets.push({ path: '/privacy/page.js', type: 'text/javascript', body: Buffer.from(options.pageScript) });
  for (const { path, type, body } of assets) {
    routes[`GET ${path}`] = (_req, res) => {
      res.writeHead(200, {
        'content-type': `${type}; charset=utf-8`,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
        'content-length': body.length,
      });
      res.end(body);
    };
  }
  return routes;
}

/**
 * The route for a privacy officer only, decided before it runs: the caller the server verified
 * (`info.caller`), else the request's token checked with `verifyCaller`. Roles are an officer's
 * alone (core's token check refuses them on other tokens); the kind is checked all the same.
 */
function requirePrivacyOfficer(route: OfficerRoute, verifyCaller: PrivacyWorkbenchOptions['verifyCaller']): Route {
  return async (req, res, info: RequestInfo) => {
    let caller = info.caller;
    if (caller.kind === 'anonymous' && verifyCaller) {
      try {
        caller = await verifyCaller(req);
      } catch (error) {
        return refuse(res, refusalOfError(error));
      }
    }
    const refused = refusalOfCaller(caller);
    if (refused) return refuse(res, refused);
    await route(req, res);
  };
}

/** A token refused (UNAUTHENTICATED) as the workbench's refusal; anything but a product error is thrown on. */
export function refusalOfError(error: unknown): Refusal {
  if (!isProductError(error)) throw error;
  const code = error.extensions.code as ErrorCode;
  // A GraphQL code's status may be 200 (an error beside data); a route's refusal is never a 2xx.
  return { status: Math.max(ERROR_CODES[code].status, 400), code, message: error.message };
}

/**
 * Why a caller may not use the workbench's data: none (401 UNAUTHENTICATED), or not an officer with
 * the privacy-officer role (403 FORBIDDEN); null for a privacy officer.
 */
export function refusalOfCaller(caller: Caller): Refusal | null {
  if (caller.kind === 'anonymous')
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      message:
        "Sign in: the workbench's policy, versions and changes are for privacy officers. Paste your token on the page (it is sent as Authorization: Bearer <token>).",
    };
  if (caller.kind !== 'officer' || !caller.roles.includes(PRIVACY_OFFICER_ROLE))
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: `Only officers with the ${PRIVACY_OFFICER_ROLE} role may use the workbench; this token is a${caller.kind === 'officer' ? 'n officer' : ` ${caller.kind}`}'s${caller.roles.length ? ` with ${caller.roles.join(', ')}` : ' without roles'}.`,
    };
  return null;
}

/**
 * A route that cannot throw out of the server's listener (a synchronous throw there would end the
 * process): reading the policy files or the schemas may fail in a deployment, and the page then
 * says so with a code, never a stack.
 */
function guarded(route: Route): Route {
  return async (req, res, info) => {
    try {
      await route(req, res, info);
    } catch (error) {
      refuse(res, {
        status: 503,
        code: 'WORKBENCH_UNAVAILABLE',
        message: `The policy files or the schemas could not be read here (${error instanceof Error ? error.name : 'error'}).`,
      });
    }
  };
}

function answer<T>(res: ServerResponse, result: { ok: true; value: T } | ({ ok: false } & Refusal)): void {
  if (result.ok) send(res, 200, result.value);
  else refuse(res, result);
}

/** The workbench's error shape, `{ "error": { "code", "message" } }`, with Retry-After and WWW-Authenticate where they apply. */
export function refuse(res: ServerResponse, { status, code, message, retryAfterSeconds }: Refusal): void {
  send(
    res,
    status,
    { error: { code, message } },
    {
      ...(retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {}),
      ...(status === 401 ? { 'www-authenticate': 'Bearer realm="privacy-workbench"' } : {}),
    },
  );
}

/** JSON that only its officer may keep: no shared cache stores it. */
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
