/**
 * `npm run bench:mocks`: the throughput of each legacy system's batch lookup through the
 * subgraph's own client, over real HTTP on loopback (client and mock in this one process, so
 * the figure covers both sides' XML or JSON work). Later benchmarks need the mocks not to be
 * their bottleneck.
 */
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { startMarketMock } from '../legacy-mocks/market/index.js';
import { startSocialMock } from '../legacy-mocks/social/index.js';
import { startTaxMock } from '../legacy-mocks/tax/index.js';
import { MarketClient } from '../subgraphs/market/legacy/index.js';
import { SocialClient } from '../subgraphs/social/legacy/index.js';
import { TaxClient } from '../subgraphs/tax/legacy/index.js';
import { CONCURRENCY, measureBatchThroughput, type ThroughputResult } from './measureBatchThroughput.js';

const ITEMS_PER_CALL = 50;
const dataSet = loadDataSet();
const usccs = dataSet.companies.map((company) => company.uscc);

async function measureMarket(): Promise<ThroughputResult> {
  const mock = await startMarketMock({ dataSet });
  const client = new MarketClient({ url: mock.url });
  try {
    return await measureBatchThroughput({
      name: 'market registry: queryQyjbxx (SOAP)',
      keys: usccs,
      itemsPerCall: ITEMS_PER_CALL,
      warmUp: 300,
      call: async (batch) => (await client.getCompanies(batch)).size,
    });
  } finally {
    client.close();
    await mock.close();
  }
}

async function measureTax(): Promise<ThroughputResult> {
  const mock = await startTaxMock({ dataSet });
  const client = new TaxClient({ baseUrl: mock.url });
  try {
    return await measureBatchThroughput({
      name: 'tax system: nsrxx.plcx (REST/JSON)',
      keys: usccs,
      itemsPerCall: ITEMS_PER_CALL,
      warmUp: 300,
      call: async (batch) => (await client.getTaxProfiles(batch)).size,
    });
  } finally {
    client.close();
    await mock.close();
  }
}

async function measureSocial(): Promise<ThroughputResult> {
  const mock = await startSocialMock({ dataSet });
  const client = new SocialClient({ url: mock.url });
  try {
    // The bureau builds each resident's record (balances sum every month paid) on first request.
    return await measureBatchThroughput({
      name: 'social insurance: CxCbryxx (SOAP + WS-Security)',
      keys: dataSet.residents.map((resident) => resident.id),
      itemsPerCall: ITEMS_PER_CALL,
      warmUp: 'once-through',
      call: async (batch) => (await client.getPersons(batch)).size,
    });
  } finally {
    client.close();
    await mock.close();
  }
}

const rows: string[] = [];
for (const measure of [measureMarket, measureTax, measureSocial]) {
  const result = await measure();
  rows.push(
    `| ${result.name} | ${result.itemsPerCall} | ${result.callsPerSecond} | ${result.callsPerSecond * result.itemsPerCall} |`,
  );
}
process.stdout.write(
  [
    `Node ${process.version}, concurrency ${CONCURRENCY}, one process.`,
    '',
    '| system: operation | items per call | calls/s | items/s |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
