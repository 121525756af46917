/**
 * `npx tsx bench/shareholderPageProtections.ts`: what the protections cost on a big list — the
 * 1,000-shareholder company's page of 100, asked by the company itself straight from the market
 * subgraph (no gateway), in one process with the registry's stand-in, on loopback. Three market
 * subgraphs over the same stand-in: protections off (the benchmark's open contender), the
 * privacy policy on without an access log, and everything on (policy and a SQLite access log).
 * Rounds alternate the three so that noise on a shared machine lands on all of them; reported as
 * requests/s (sequential, one at a time), CPU ms per request, and the ratio to protections off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from 'jose';
import { openAccessLogStore } from '../access-log/index.js';
import { CALLER_TOKEN_HEADER, signCallerToken } from '../core/identity/callerToken.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { startMarketMock } from '../legacy-mocks/market/index.js';
import { startDepartment, type SubgraphSettings } from '../subgraphs/kit/index.js';
import { marketDepartment } from '../subgraphs/market/department.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP = 20;
const PAGE = 100;

const dataSet = loadDataSet();
const uscc = dataSet.fixtures.companyWithShareholders[1000];
const query = `{ company(uscc: "${uscc}") { name shareholders(first: ${PAGE}) { totalCount hasNextPage endCursor holdings { holderName sharePercent subscribedCapital holder { id } } } } }`;
const gatewayKeys = await generateKeyPair('ES256');
const logFolder = mkdtempSync(join(tmpdir(), 'bench-shareholder-page-'));
// Removed however the run ends, a failed request included.
process.once('exit', () => rmSync(logFolder, { recursive: true, force: true }));
const accessLog = await openAccessLogStore({ url: `sqlite:${join(logFolder, 'access-log.db')}` });
const mock = await startMarketMock({ dataSet });
const common = { legacyUrl: mock.url, gatewayKey: gatewayKeys.publicKey, certificates: null };
const startMarket = (settings: SubgraphSettings) => startDepartment(marketDepartment, settings);
const variants = [
  {
    name: 'protections off',
    subgraph: await startMarket({ ...common, withoutProtections: true, accessLog: null }),
  },
  { name: 'privacy policy, no access log', subgraph: await startMarket({ ...common, accessLog: null }) },
  { name: 'policy and access log', subgraph: await startMarket({ ...common, accessLog }) },
];
// The caller token lives 60 s, so each round signs its own: the company itself, so every field is allowed.
const tokenFor = () =>
  signCallerToken(
    { kind: 'company', sub: uscc, roles: [], azp: null, purpose: null },
    { key: gatewayKeys.privateKey, department: 'market' },
  );

async function ask(url: string, token: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CALLER_TOKEN_HEADER]: token },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    errors?: unknown;
    data?: { company?: { shareholders?: { holdings?: unknown[] } } };
  };
  if (body.errors || body.data?.company?.shareholders?.holdings?.length !== PAGE)
    throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
}

const totals = variants.map(() => ({ ms: 0, cpuMs: 0, requests: 0 }));
for (let round = 0; round < ROUNDS; round++) {
  const token = await tokenFor();
  for (const [index, variant] of variants.entries()) {
    for (let i = 0; i < WARM_UP; i++) await ask(variant.subgraph.url, token);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) await ask(variant.subgraph.url, token);
    const used = process.cpuUsage(cpu);
    totals[index]!.ms += performance.now() - started;
    totals[index]!.cpuMs += (used.user + used.system) / 1000;
    totals[index]!.requests += REQUESTS;
  }
}

const perSecond = (index: number) => (totals[index]!.requests / totals[index]!.ms) * 1000;
process.stdout.write(
  [
    `The 1,000-shareholder company's page of ${PAGE}, asked by the company from the market subgraph; ${ROUNDS} rounds of ${REQUESTS} sequential requests per variant after ${WARM_UP} warm-up; stand-in and subgraphs in one Node ${process.version} process on ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(2)}).`,
    '',
    '| variant | requests/s | CPU ms per request | × protections off |',
    '|---|---|---|---|',
    ...variants.map(
      (variant, index) =>
        `| ${variant.name} | ${perSecond(index).toFixed(1)} | ${(totals[index]!.cpuMs / totals[index]!.requests).toFixed(2)} | ${(perSecond(index) / perSecond(0)).toFixed(2)} |`,
    ),
    '',
  ].join('\n'),
);
// The figures first: they are the point, and stay on screen whatever closing the pieces does.
for (const variant of variants) await variant.subgraph.close();
await mock.close();
await accessLog.close();
process.exit(0);
