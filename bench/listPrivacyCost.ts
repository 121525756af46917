/**
 * `npx tsx bench/listPrivacyCost.ts`: what the privacy layer alone costs on a big list, in memory
 * (no socket, no legacy system, no access-log store): the market subgraph's real schema, policy
 * (privacy/market.yaml) and subjects, with resolvers that hand out the 1,000-shareholder
 * company's page of 100 from the data set; executed with graphql-js as Apollo Server would,
 * with the policy and without, and the request's access-log entry built as recordAccessPlugin
 * builds it. Asked by the company itself (every item allowed by companySelf) and by a supervising
 * market officer (role and purpose). Prints CPU ms per request and
 * the ratio to no policy, alternating the variants so noise lands on all of them.
 */
import os from 'node:os';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Caller } from '../core/caller.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { AccessCollector } from '../subgraphs/kit/AccessCollector.js';
import { usePrivacyPolicy } from '../subgraphs/kit/privacy/index.js';
import { readSchema } from '../subgraphs/kit/startSubgraph.js';
import { subjects } from '../subgraphs/market/subjects.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PAGE = 100;

const dataSet = loadDataSet();
const uscc = dataSet.fixtures.companyWithShareholders[1000];
const company = dataSet.companyByUscc.get(uscc)!;
const holdings = (dataSet.shareholdingsByCompany.get(uscc) ?? []).slice(0, PAGE).map((holding) => ({
  companyUscc: holding.companyUscc,
  holderId: holding.holderId,
  holderName: dataSet.residentById.get(holding.holderId)!.name,
  sharePercent: holding.sharePercent,
  subscribedCapital: (holding.subscribedCapitalFen / 100).toFixed(2),
}));
const resolvers = {
  Query: { company: () => company },
  Company: {
    shareholders: () => ({ holdings, totalCount: 1000, endCursor: 'x', hasNextPage: true }),
  },
  Shareholding: { holder: (holding: { holderId: string }) => ({ id: holding.holderId }) },
};
const document = parse(
  `{ company(uscc: "${uscc}") { name shareholders(first: ${PAGE}) { totalCount hasNextPage endCursor holdings { holderName sharePercent subscribedCapital holder { id } } } } }`,
);
const built = () =>
  buildSubgraphSchema([
    {
      typeDefs: readSchema(new URL('../subgraphs/market/server.ts', import.meta.url).href),
      resolvers: resolvers as never,
    },
  ]);
const open = built();
// Wired as startSubgraph wires it: every decision on a protected field noted by the request's collector.
const guarded = usePrivacyPolicy({
  department: 'market',
  subjects,
  onDecisionBatch: (batch, context) => (context as { access: AccessCollector }).access.noteBatch(batch),
  log: () => {},
}).onSchema(built());

const callers: Record<string, Caller> = {
  'the company': { kind: 'company', sub: uscc, roles: [], azp: null, purpose: null },
  'a market officer': {
    kind: 'officer',
    sub: 'officer-1',
    roles: ['market-officer'],
    azp: null,
    purpose: 'market-supervision',
  },
};

function run(schema: GraphQLSchema, caller: Caller): void {
  const access = new AccessCollector();
  const result = execute({ schema, document, contextValue: { caller, access, requestId: 'r', correlationId: null } });
  if (result instanceof Promise) throw new Error('expected a synchronous execution');
  if (result.errors && caller.kind === 'company') throw new Error(JSON.stringify(result.errors).slice(0, 300));
  if (!access.isEmpty) access.entry({ department: 'market', requestId: 'r', correlationId: null, caller });
}

async function time(schema: GraphQLSchema, caller: Caller): Promise<number> {
  // A promise per field would make execute() async: resolve it the way Apollo Server would.
  for (let i = 0; i < 50; i++) await Promise.resolve(runAny(schema, caller));
  // CPU time of this process, not wall time: on a shared machine other processes' load stays out.
  const started = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) await Promise.resolve(runAny(schema, caller));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / ITERATIONS;
}

async function runAny(schema: GraphQLSchema, caller: Caller): Promise<void> {
  const access = new AccessCollector();
  const result = await execute({
    schema,
    document,
    contextValue: { caller, access, requestId: 'r', correlationId: null },
  });
  if (result.errors && caller.kind === 'company') throw new Error(JSON.stringify(result.errors).slice(0, 300));
  if (!access.isEmpty) access.entry({ department: 'market', requestId: 'r', correlationId: null, caller });
}

const rows: string[] = [];
const sums = new Map<string, { open: number; guarded: number }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, caller] of Object.entries(callers)) {
    const sum = sums.get(name) ?? { open: 0, guarded: 0 };
    sum.open += await time(open, caller);
    sum.guarded += await time(guarded, caller);
    sums.set(name, sum);
  }
}
let synchronous = true;
try {
  run(guarded, callers['the company']!);
} catch {
  synchronous = false;
}
for (const [name, sum] of sums) {
  const perItem = ((sum.guarded - sum.open) / ROUNDS / PAGE) * 1000;
  rows.push(
    `| ${name} | ${(sum.open / ROUNDS).toFixed(3)} | ${(sum.guarded / ROUNDS).toFixed(3)} | ${perItem.toFixed(1)} | ${(sum.open / sum.guarded).toFixed(2)} |`,
  );
}
process.stdout.write(
  [
    `The market schema's page of ${PAGE} shareholders (4 protected fields per item), executed in memory; ${ROUNDS} rounds of ${ITERATIONS} per variant; Node ${process.version}, ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(2)}). Protected execution synchronous: ${synchronous ? 'yes' : 'no'}.`,
    '',
    '| caller | no policy CPU ms | policy CPU ms | CPU µs added per item | × no policy |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
