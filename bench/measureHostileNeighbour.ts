import { DEFAULT_CALLER_LIMITS } from '../gateway/limitCallers.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { fragmentFamily, hostileOperations } from '../test/abuse/hostileOperations.js';
import type { CallerClaims } from '../test/harness.js';
import { graphqlRequest } from './contenders/graphqlRequest.js';
import { driveAtRate, flood, type FloodFigures } from './driveAtRate.js';
import { driveLoad, type LoadFigures } from './driveLoad.js';
import { citizenDashboard } from './scenarios/index.js';

/** Connections of the dashboard's clients (enough for the steady rate below). */
const DASHBOARD_CONNECTIONS = 8;
/** The dashboard's steady rate, as a share of what the gateway serves of it at full speed. */
const LOAD_SHARE = 0.4;
/** The attacker: one machine sending as fast as the gateway answers, on many connections. */
const ATTACK_CONNECTIONS = 32;
/** Issue 11's aim (and issue 23's): the dashboard's p99 under attack at most this many times its p99 alone. */
export const HOSTILE_AIM_RATIO = 2;

/** Our gateway with its production limits, and how to sign its callers' tokens. */
export interface HostileTarget {
  graphqlUrl: string;
  tokenFor(claims: CallerClaims): Promise<string>;
  sign(claims: Record<string, unknown>, sub: string, lifetime: { iat: number; exp: number }): Promise<string>;
}

export interface HostileFigures {
  at: string;
  seconds: number;
  rate: number;
  capacity: LoadFigures;
  alone: LoadFigures;
  underAttack: LoadFigures;
  attacker: FloodFigures;
  /** p99 under attack / p99 alone. */
  ratio: number;
}

/**
 * The hostile-neighbour scenario of issue 11: the citizen dashboard's latency at a steady rate
 * alone, then while another client sends issue 11's attacks at full speed (fragment families, a
 * company's aliased shareholder registers, oversized and deep operations, tokens that never
 * expire, and the seeded hostile generator), against our gateway with its production limits.
 */
export async function measureHostileNeighbour(
  target: HostileTarget,
  options: { seconds: number; log: (line: string) => void },
): Promise<HostileFigures> {
  const { seconds, log } = options;
  const dataSet = loadDataSet();
  const dashboard = await graphqlRequest(target.graphqlUrl, citizenDashboard(dataSet), {
    document: 'portal',
    tokenFor: target.tokenFor,
  });
  const attacks = await attackRequests(target, dataSet);
  log('hostile neighbour: the dashboard at full speed, to find what the gateway serves (and to warm it up)');
  const capacity = await driveLoad(dashboard, { connections: DASHBOARD_CONNECTIONS, seconds: Math.min(seconds, 5) });
  // Portal users arrive at their own pace: the dashboard is sent at a steady rate well inside capacity,
  // so its latency measures what the neighbour does to it, not a queue it would build by itself.
  const rate = Math.max(1, Math.floor(capacity.requestsPerSecond * LOAD_SHARE));
  log(`hostile neighbour: the dashboard alone, ${rate} requests/s for ${seconds} s`);
  const alone = await driveAtRate(dashboard, { rate, connections: DASHBOARD_CONNECTIONS, seconds });
  log(`hostile neighbour: the dashboard at ${rate} requests/s while the attacker sends at full speed, ${seconds} s`);
  const [underAttack, attacker] = await Promise.all([
    driveAtRate(dashboard, { rate, connections: DASHBOARD_CONNECTIONS, seconds }),
    flood(attacks, { connections: ATTACK_CONNECTIONS, seconds }),
  ]);
  const ratio = underAttack.p99Ms / Math.max(1, alone.p99Ms);
  return { at: new Date().toISOString(), seconds, rate, capacity, alone, underAttack, attacker, ratio };
}

/** Issue 11's attacks as request bodies and headers, cycled through by the attacker's connections. */
async function attackRequests(target: HostileTarget, dataSet: ReturnType<typeof loadDataSet>) {
  const { fixtures } = dataSet;
  const now = Math.floor(Date.now() / 1000);
  const company = fixtures.companyWithShareholders[1000];
  const companyToken = await target.tokenFor({ kind: 'company', sub: company });
  const forever = await target.sign({ kind: 'person', roles: [] }, fixtures.multiRepresentative, {
    iat: now,
    exp: 1e11,
  });
  const aliases = (page: string) =>
    `{ ${Array.from({ length: 30 }, (_, i) => `c${i}: company(uscc: "${company}") { shareholders${page} { holdings { holder { name phone } } } }`).join(' ')} }`;
  const json = { 'content-type': 'application/json' };
  const asCompany = { ...json, authorization: `Bearer ${companyToken}` };
  const variants = [
    // Fragment families, each with its own names (a plan cache keyed by text would see a new query each time).
    ...Array.from({ length: 10 }, (_, i) => ({
      headers: json,
      body: JSON.stringify({ query: fragmentFamily(31, `F${i}_`) }),
    })),
    { headers: asCompany, body: JSON.stringify({ query: aliases('') }) },
    { headers: asCompany, body: JSON.stringify({ query: aliases('(first: 100)') }) },
    { headers: { ...json, authorization: `Bearer ${forever}` }, body: JSON.stringify({ query: '{ me { name } }' }) },
    ...hostileOperations(20_261_130, 40, { company, otherCompany: fixtures.companyWithManyShareholders }).map(
      (operation) => ({
        headers: operation.asCompany ? asCompany : json,
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
      }),
    ),
  ];
  return { url: target.graphqlUrl, variants };
}

/** The Markdown section of bench:hostile (and the hostile rows of npm run bench's detail). */
export function renderHostileNeighbour(figures: HostileFigures, where: string): string {
  const { alone, underAttack, attacker, capacity, rate, seconds } = figures;
  const row = (name: string, load: LoadFigures) =>
    `| ${name} | ${load.requestsPerSecond.toFixed(1)} | ${load.p50Ms} | ${load.p99Ms} | ${load.failed} |`;
  const statuses = Object.entries(attacker.byStatus)
    .sort()
    .map(([status, count]) => `${status}: ${count.toLocaleString('en')}`)
    .join(', ');
  const fiveHundreds = Object.entries(attacker.byStatus)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  return [
    `Run of ${figures.at.slice(0, 16).replace('T', ' ')} UTC, ${seconds} s windows, ${where}, our gateway with everything on and its production limits ` +
      `(${DEFAULT_CALLER_LIMITS.costPerWindow.toLocaleString('en')} cost units per ${DEFAULT_CALLER_LIMITS.windowSeconds} s and ${DEFAULT_CALLER_LIMITS.maxInFlight} requests in flight per caller). ` +
      `The dashboard: 50 citizens with their own tokens at a steady ${rate} requests/s, ${Math.round(LOAD_SHARE * 100)} % of the ` +
      `${capacity.requestsPerSecond.toFixed(1)}/s served at full speed on ${DASHBOARD_CONNECTIONS} connections (p50 ${capacity.p50Ms} ms, p99 ${capacity.p99Ms} ms). The attacker: ${ATTACK_CONNECTIONS} connections at full speed, ` +
      "cycling through issue 11's attacks (31-fragment families under 10 names, a company's 30 aliased shareholder registers with holders' contacts, the same with pages of 100, " +
      'a token that never expires, and 40 operations of the seeded hostile generator).',
    '',
    '| dashboard | requests/s | p50 ms | p99 ms | failed (non-2xx, errors) |',
    '|---|---|---|---|---|',
    row('alone', alone),
    row('under attack', underAttack),
    '',
    `**p99 under attack / p99 alone: ${figures.ratio.toFixed(2)}** (aim: at most ${HOSTILE_AIM_RATIO}). The attacker sent ${attacker.sent.toLocaleString('en')} requests ` +
      `(${attacker.requestsPerSecond.toFixed(0)}/s), answered ${statuses}; ${fiveHundreds === 0 ? 'none was a 5xx' : `**${fiveHundreds} were 5xx**`}.`,
  ].join('\n');
}
