/**
 * `npm run bench:hostile-routes`: issue 20's aim for the routes beside GraphQL. The citizen
 * dashboard's latency measured alone, then while one client loops one route at full speed from
 * one address, for every public route of the gateway in turn (the explorer, the schema, /health,
 * /ready, /metrics, the certificate pages and seal keys, a path that does not exist). Against our
 * gateway with its production limits. Prints a Markdown section and writes it into bench/RESULTS.md
 * between its own markers; `-- --quick` runs short windows and writes nothing. The privacy
 * workbench is no route of the gateway since issue 21 but an app of its own (`npm run workbench`);
 * its bounds are held by test/abuse/privacyWorkbench.test.ts.
 * Aim: the dashboard's p99 with any route looped at most 2 × its p99 alone.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_CALLER_LIMITS } from '../gateway/limitCallers.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { driveAtRate, flood, type FloodFigures } from './driveAtRate.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { citizenDashboard } from './scenarios/index.js';
import { startLimitedStack } from './startLimitedStack.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
/** Each route is looped this long (issue 20: "looping any public route from one address for 10 s"). */
const SECONDS = quick ? 3 : 10;
const DASHBOARD_CONNECTIONS = 8;
/** The dashboard's steady rate, as a share of what the gateway serves of it at full speed. */
const LOAD_SHARE = 0.4;
/** The looping client: one machine on many connections, sending as fast as it is answered. */
const FLOOD_CONNECTIONS = 32;

interface RouteFlood {
  name: string;
  method: 'GET' | 'POST';
  variants: Array<{ path: string; headers?: Record<string, string>; body?: string }>;
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const dataSet = loadDataSet();

log('starting the back end and our gateway with its production limits');
const stack = await startLimitedStack();
try {
  const dashboard = await graphqlRequest(stack.graphqlUrl, citizenDashboard(dataSet), {
    document: 'portal',
    tokenFor: stack.tokenFor,
  });
  const floods = await routeFloods();
  log('the dashboard at full speed, to find what the gateway serves (and to warm it up)');
  const capacity = await driveLoad(dashboard, { connections: DASHBOARD_CONNECTIONS, seconds: Math.min(SECONDS, 5) });
  const rate = Math.max(1, Math.floor(capacity.requestsPerSecond * LOAD_SHARE));
  const steady = { rate, connections: DASHBOARD_CONNECTIONS, seconds: SECONDS };
  log(`the dashboard alone, ${rate} requests/s for ${SECONDS} s`);
  const alone = await driveAtRate(dashboard, steady);
  const rows: Array<{ route: RouteFlood; dashboard: LoadFigures; flood: FloodFigures }> = [];
  for (const route of floods) {
    // Each loop starts with a full budget, as a fresh client would: the last loop's units come back first.
    await delay((DEFAULT_CALLER_LIMITS.windowSeconds + 1) * 1_000);
    log(`the dashboard while one client loops ${route.name}`);
    const [underFlood, flooded] = await Promise.all([
      driveAtRate(dashboard, steady),
      flood(
        { url: stack.origin, method: route.method, variants: route.variants },
        { connections: FLOOD_CONNECTIONS, seconds: SECONDS },
      ),
    ]);
    rows.push({ route, dashboard: underFlood, flood: flooded });
  }
  const section = render(alone, rows, capacity, rate);
  process.stdout.write(`${section}\n`);
  if (!quick)
    writeResultsSection(
      new URL('./RESULTS.md', import.meta.url).pathname,
      'Hostile routes: the citizen dashboard while one client loops a route beside GraphQL (`npm run bench:hostile-routes`)',
      section,
      { name: 'hostile routes', command: 'npm run bench:hostile-routes' },
    );
} finally {
  await stack.stop();
}

/** Every public route of the gateway, as an anonymous client sends it. */
async function routeFloods(): Promise<RouteFlood[]> {
  const get = (name: string, ...paths: string[]): RouteFlood => ({
    name,
    method: 'GET',
    variants: paths.map((path) => ({ path })),
  });
  const company = dataSet.fixtures.companyWithShareholders[10];
  const certificate = await issueCertificate(company, await stack.tokenFor({ kind: 'company', sub: company }));
  return [
    get('`GET /` (the explorer)', '/'),
    get('`GET /schema.graphql`', '/schema.graphql'),
    get('`GET /health`', '/health'),
    get('`GET /ready`', '/ready'),
    get('`GET /metrics`', '/metrics'),
    get('`GET /certificates/verify` (the page)', '/certificates/verify'),
    get('`GET /.well-known/seals/tax.json`', '/.well-known/seals/tax.json'),
    {
      name: '`POST /certificates/print`, a sealed certificate',
      method: 'POST',
      variants: [{ path: '/certificates/print', headers: { 'content-type': 'application/json' }, body: certificate }],
    },
    get('a path that does not exist', '/wp-login.php', '/.env', '/graphql/../../etc/passwd'),
  ];
}

/** A real certificate file, issued through the graph to the company itself, for the print route. */
async function issueCertificate(uscc: string, token: string): Promise<string> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($uscc: ID!) { issueBusinessLicenceExtract(uscc: $uscc) { document seal } }',
      variables: { uscc },
    }),
  });
  const body = (await response.json()) as {
    data?: { issueBusinessLicenceExtract?: { document: string; seal: string } };
  };
  const issued = body.data?.issueBusinessLicenceExtract;
  if (!issued)
    throw new Error(`could not issue a certificate for the print route: ${JSON.stringify(body).slice(0, 300)}`);
  return JSON.stringify({ document: issued.document, seal: issued.seal });
}

function render(
  alone: LoadFigures,
  rows: ReadonlyArray<{ route: RouteFlood; dashboard: LoadFigures; flood: FloodFigures }>,
  capacity: LoadFigures,
  rate: number,
): string {
  const statuses = (flooded: FloodFigures) =>
    Object.entries(flooded.byStatus)
      .sort()
      .map(([status, count]) => `${status}: ${count.toLocaleString('en')}`)
      .join(', ');
  const ratio = (figures: LoadFigures) => figures.p99Ms / Math.max(1, alone.p99Ms);
  const worst = Math.max(...rows.map((row) => ratio(row.dashboard)));
  return [
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${SECONDS} s per route, our gateway with everything on and its production limits ` +
      `(${DEFAULT_CALLER_LIMITS.costPerWindow.toLocaleString('en')} cost units per ${DEFAULT_CALLER_LIMITS.windowSeconds} s, each route its own cost: README, "Limits"). ` +
      `The dashboard: 50 citizens with their own tokens at a steady ${rate} requests/s, ${Math.round(LOAD_SHARE * 100)} % of the ` +
      `${capacity.requestsPerSecond.toFixed(1)}/s served at full speed on ${DASHBOARD_CONNECTIONS} connections. The looping client: one address, ${FLOOD_CONNECTIONS} connections at full speed.`,
    '',
    '| looped route | dashboard p50 ms | dashboard p99 ms | p99 / p99 alone | dashboard failed | the loop sent | answered |',
    '|---|---|---|---|---|---|---|',
    `| none (alone) | ${alone.p50Ms} | ${alone.p99Ms} | 1.00 | ${alone.failed} | — | — |`,
    ...rows.map(
      ({ route, dashboard, flood: flooded }) =>
        `| ${route.name} | ${dashboard.p50Ms} | ${dashboard.p99Ms} | ${ratio(dashboard).toFixed(2)} | ${dashboard.failed} | ${flooded.sent.toLocaleString('en')} | ${statuses(flooded)} |`,
    ),
    '',
    `**Worst p99 / p99 alone: ${worst.toFixed(2)}** (aim: at most 2). Each loop began after the caller limits' window had passed since the last, so with a full budget, as a fresh client would.`,
  ].join('\n');
}
