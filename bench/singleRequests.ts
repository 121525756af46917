/**
 * `npm run bench:single`: the median latency of single portal requests (one at a time, no load)
 * through the whole stack on loopback, legacy systems at 0 ms, and the legacy calls each costs.
 * The load benchmark (bench/ harness) measures throughput; this is the unloaded baseline.
 */
import os from 'node:os';
import {
  CitizenDashboardDocument,
  CompanyProfileDocument,
  SearchCompaniesDocument,
} from '../examples/generated/operations.js';
import { startStack } from '../test/harness.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARM_UP = 5;

const stack = await startStack();
const { fixtures } = stack.dataSet;
// Each asked by whom the portal asks for: the citizen themself, the company itself (every field allowed).
const asCompany = (uscc: string) => ({ as: { kind: 'company' as const, sub: uscc } });
const scenarios = [
  {
    name: 'citizen dashboard',
    run: () =>
      stack.query(
        CitizenDashboardDocument,
        { year: 2025 },
        { as: { kind: 'person', sub: fixtures.multiRepresentative } },
      ),
  },
  {
    name: 'company profile (500 shareholders)',
    run: () =>
      stack.query(
        CompanyProfileDocument,
        { uscc: fixtures.companyWithManyShareholders, year: 2025 },
        asCompany(fixtures.companyWithManyShareholders),
      ),
  },
  {
    name: 'company profile (2 shareholders)',
    run: () =>
      stack.query(
        CompanyProfileDocument,
        { uscc: fixtures.companyWithTwoShareholders, year: 2025 },
        asCompany(fixtures.companyWithTwoShareholders),
      ),
  },
  { name: 'company search (20)', run: () => stack.query(SearchCompaniesDocument, { name: '科技', first: 20 }) },
];

const rows: string[] = [];
try {
  for (const scenario of scenarios) {
    for (let i = 0; i < WARM_UP; i++) await scenario.run();
    await stack.resetLegacy();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await scenario.run();
      times.push(performance.now() - started);
      if (response.errors) throw new Error(`${scenario.name}: ${JSON.stringify(response.errors)}`);
    }
    const stats = await stack.legacyStats();
    const calls = Object.entries(stats)
      .map(([department, snapshot]) => `${department} ${snapshot.total / REQUESTS}`)
      .join(', ');
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    rows.push(`| ${scenario.name} | ${at(0.5)} | ${at(0.9)} | ${calls} |`);
  }
} finally {
  await stack.close();
}

process.stdout.write(
  [
    `${REQUESTS} sequential requests per query after ${WARM_UP} warm-up; legacy latency 0 ms; all processes in one Node ${process.version} process on ${os.cpus().length} cores.`,
    '',
    '| query | median ms | p90 ms | legacy calls per request |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
