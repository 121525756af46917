import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Route } from '../core/index.js';

const require = createRequire(import.meta.url);

/**
 * The files the explorer page needs, served by the gateway itself: government networks and
 * these machines have no internet, so nothing may come from a CDN.
 */
const ASSETS: Record<string, { packageName: string; file: string; type: string }> = {
  '/explorer/react.js': { packageName: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/explorer/react-dom.js': {
    packageName: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  '/explorer/graphiql.js': { packageName: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/explorer/graphiql.css': { packageName: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A package's folder; its "exports" hide the UMD builds from require.resolve, so walk up from its entry. */
function packageFolder(packageName: string): string {
  let folder = dirname(require.resolve(packageName));
  while (
    !existsSync(join(folder, 'package.json')) ||
    JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).name !== packageName
  ) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the ${packageName} package`);
    folder = parent;
  }
  return folder;
}

export interface ExplorerOptions {
  /** The query shown when the page opens. */
  exampleQuery: string;
  exampleVariables: Record<string, unknown>;
}

/**
 * The offline schema explorer for integrators at GET / (GraphiQL with its docs pane), plus its
 * assets. Each asset is read once at start, so a missing package fails the start, not a visitor.
 */
export function explorerRoutes(options: ExplorerOptions): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(join(packageFolder(asset.packageName), asset.file));
    routes[`GET ${path}`] = (_req, res) => {
      res.writeHead(200, {
        'content-type': `${asset.type}; charset=utf-8`,
        'cache-control': 'public, max-age=86400',
        'content-length': body.length,
      });
      res.end(body);
    };
  }
  const page = renderPage(options);
  routes['GET /'] = (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // Everything the page loads comes from this server.
      'content-security-policy':
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
      'content-length': Buffer.byteLength(page),
    });
    res.end(page);
  };
  return routes;
}

function renderPage({ exampleQuery, exampleVariables }: ExplorerOptions): string {
  // JSON.stringify, with < escaped, is safe to embed inside a <script> element.
  const embed = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>City graph explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer">Loading the explorer…</div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${embed(exampleQuery)},
      variables: ${embed(JSON.stringify(exampleVariables, null, 2))},
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
    }),
  );
</script>
</body>
</html>`;
}
