import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { DEPARTMENT_SETTINGS } from '../registry/departments.js';
import { sendJson, type Route } from '../core/index.js';
import { createPolicyWorkbench, type PolicyWorkbench } from '../subgraphs/kit/index.js';

export interface PrivacyWorkbenchOptions {
  /** The policy folder in force; defaults to PRIVACY_DIR or privacy/ (as the subgraphs read it). */
  policyFolder?: string;
}

/** The page's files, served from gateway/privacyPage/: nothing comes from another host. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/privacy/': { file: 'index.html', type: 'text/html' },
  '/privacy/page.js': { file: 'page.js', type: 'text/javascript' },
  '/privacy/page.css': { file: 'page.css', type: 'text/css' },
};

// The page's own script and styles only; it talks to this gateway alone (JSON here, the log via /graphql).
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The privacy officers' workbench at /privacy/ (docs/privacy-workbench.md): a static page and the
 * JSON it reads — the policy in force as a table (policy.json), the committed versions of
 * privacy/ (versions.json) and what changes since one of them (diff.json?ref=). The access log is
 * not served here: the page asks /graphql with the officer's own token, so the platform
 * subgraph's policy decides who sees it, and every search is recorded in the access log.
 */
export function privacyWorkbenchRoutes(options: PrivacyWorkbenchOptions = {}): Record<string, Route> {
  const workbench: PolicyWorkbench = createPolicyWorkbench({
    departments: DEPARTMENT_SETTINGS,
    ...((options.policyFolder ?? process.env.PRIVACY_DIR)
      ? { policyFolder: options.policyFolder ?? process.env.PRIVACY_DIR }
      : {}),
  });
  const routes: Record<string, Route> = {
    'GET /privacy': (_req, res) => {
      res.writeHead(308, { location: '/privacy/', 'content-length': 0 });
      res.end();
    },
    'GET /privacy/policy.json': guarded((_req, res) => answer(res, workbench.table())),
    'GET /privacy/versions.json': guarded((_req, res) => sendJson(res, 200, { versions: workbench.versions() })),
    'GET /privacy/diff.json': guarded((req, res) => {
      const ref = new URL(req.url ?? '/', 'http://gateway').searchParams.get('ref');
      if (!ref) {
        sendJson(res, 400, { error: { code: 'MISSING_REF', message: 'give ?ref=<branch, tag or commit id>' } });
        return;
      }
      answer(res, workbench.diff(ref));
    }),
  };
  for (const [path, asset] of Object.entries(ASSETS)) {
    // Read once at start, so a missing file fails the start, not a visitor.
    const body = readFileSync(new URL(`./privacyPage/${asset.file}`, import.meta.url));
    routes[`GET ${path}`] = (_req, res) => {
      res.writeHead(200, {
        'content-type': `${asset.type}; charset=utf-8`,
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
 * A route that cannot throw out of the server's listener (a synchronous throw there would end the
 * process): reading the policy files or the schemas may fail in a deployment, and the page then
 * says so with a code, never a stack.
 */
function guarded(route: Route): Route {
  return async (req, res, info) => {
    try {
      await route(req, res, info);
    } catch (error) {
      sendJson(res, 503, {
        error: {
          code: 'WORKBENCH_UNAVAILABLE',
          message: `The policy files or the schemas could not be read here (${error instanceof Error ? error.name : 'error'}).`,
        },
      });
    }
  };
}

function answer<T>(
  res: ServerResponse,
  result: { ok: true; value: T } | { ok: false; status: number; code: string; message: string },
): void {
  if (result.ok) sendJson(res, 200, result.value);
  else sendJson(res, result.status, { error: { code: result.code, message: result.message } });
}
