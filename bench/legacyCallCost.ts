/**
 * What one legacy call costs the subgraph's event loop (issue 23), before and after, in one run:
 *
 * 1. the transport: N calls, sequential and 10 at a time, to a stand-in in another process
 *    answering a 1 KB body, through a plain keep-alive `http.Agent` (the floor), kit's transport
 *    (createLegacyHttp), and axios as the transport was before (one instance on the same agent,
 *    as the SOAP client had it, and as the REST client had it: no redirects, no proxy);
 * 2. the guard's deadline: cockatiel's aggressive timeout around a call that answers at once,
 *    aborting its controller on return (before) or only when the time is up (now);
 * 3. reading 1,000 shareholders (queryGdxx of the registry stand-in): the `soap` package's parser
 *    with the zod check and mapping (before) against kit's lean reader (readShareholdings).
 *
 * CPU is this process's user+system time per call; run it on a quiet machine (`uptime` < 2).
 *
 *   npx tsx bench/legacyCallCost.ts [calls]
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import axios from 'axios';
import { timeout, TimeoutStrategy } from 'cockatiel';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { startMarketMock } from '../legacy-mocks/market/index.js';
import { createLegacyHttp } from '../subgraphs/kit/legacy/index.js';
import { MarketClient } from '../subgraphs/market/legacy/index.js';
import { readShareholdings } from '../subgraphs/market/legacy/readShareholdings.js';
import { gdxxListSchema } from '../subgraphs/market/legacy/registrySchemas.js';
import { toShareholdingRecord } from '../subgraphs/market/legacy/toShareholdingRecord.js';

const CALLS = Number(process.argv[2] ?? 5_000);
const CONCURRENCY = 10;
const PARSES = 200;

/** A stand-in answering every request with the same 1 KB body, in a process of its own so its work is not counted. */
const STAND_IN = `
const body = Buffer.from('<a>' + 'x'.repeat(1024) + '</a>');
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml' }).end(body));
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));`;

type Call = () => Promise<unknown>;

/** CPU (user + system) and wall microseconds per call, `calls` calls `concurrency` at a time. */
async function measure(call: Call, calls: number, concurrency: number) {
  for (let warm = 0; warm < 200; warm++) await call();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) await call();
    }),
  );
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / calls, wallUs: ((performance.now() - started) * 1000) / calls };
}

async function transports(): Promise<void> {
  const child = spawn(process.execPath, ['-e', STAND_IN], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message: { port: number }) => resolve(message.port)),
  );
  const url = `http://127.0.0.1:${port}/registry`;
  const data = `<Envelope>${'y'.repeat(400)}</Envelope>`;
  const headers = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"op"', 'x-request-id': 'bench' };
  const plainAgent = new http.Agent({ keepAlive: true });
  const plain: Call = () =>
    new Promise((resolve, reject) => {
      const request = http.request(url, { method: 'POST', agent: plainAgent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      request.on('error', reject);
      request.end(data);
    });
  const ours = createLegacyHttp();
  const axiosAgent = new http.Agent({ keepAlive: true });
  const soapAxios = axios.create({ httpAgent: axiosAgent });
  const restAxios = axios.create({
    httpAgent: axiosAgent,
    responseType: 'text',
    maxRedirects: 0,
    proxy: false,
    validateStatus: () => true,
  });
  const contenders: Array<[string, Call]> = [
    ['plain http.Agent (keep-alive)', plain],
    ['kit createLegacyHttp (now)', () => ours.request({ url, method: 'POST', data, headers })],
    [
      'axios as the SOAP client had it (before)',
      () =>
        soapAxios.request({
          url,
          method: 'POST',
          data,
          headers,
          transformResponse: (body: unknown) => body,
          validateStatus: null,
        }),
    ],
    ['axios as the REST client had it (before)', () => restAxios.request({ url, method: 'POST', data, headers })],
  ];
  console.log(`\n1. transport: ${CALLS} calls of a 1 KB answer; CPU µs per call (wall µs), ratio to plain CPU`);
  console.log('| transport | sequential CPU | ratio | 10 at a time CPU | ratio |\n|---|---|---|---|---|');
  const floor: Record<number, number> = {};
  for (const [name, call] of contenders) {
    const cells: string[] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      const { cpuUs, wallUs } = await measure(call, CALLS, concurrency);
      floor[concurrency] ??= cpuUs;
      cells.push(`${cpuUs.toFixed(1)} (${wallUs.toFixed(1)})`, `${(cpuUs / floor[concurrency]!).toFixed(2)}×`);
    }
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  ours.close();
  plainAgent.destroy();
  axiosAgent.destroy();
  child.kill();
}

async function deadlines(): Promise<void> {
  console.log(`\n2. the guard's deadline around a call that answers at once: CPU µs per call`);
  console.log('| timeout | CPU µs |\n|---|---|');
  for (const abortOnReturn of [true, false]) {
    const policy = timeout(5_000, { strategy: TimeoutStrategy.Aggressive, abortOnReturn });
    const { cpuUs } = await measure(() => policy.execute(async () => 'answer'), CALLS * 4, 1);
    console.log(`| aborts on return: ${abortOnReturn} ${abortOnReturn ? '(before)' : '(now)'} | ${cpuUs.toFixed(2)} |`);
  }
}

async function parsing(): Promise<void> {
  const dataSet = loadDataSet();
  const server = await startMarketMock({ port: 0, dataSet });
  const client = new MarketClient({ url: server.url });
  try {
    const uscc = dataSet.fixtures.companyWithShareholders[1000];
    const xml = (await client.transport.callForXml('queryGdxx', { tyshxydm: [uscc] })) as string;
    const soapClient = (await client.transport.client()) as unknown as { wsdl: { xmlToObject(xml: string): unknown } };
    const before = () => {
      const body = (soapClient.wsdl.xmlToObject(xml) as { Body: { queryGdxxResponse: unknown } }).Body
        .queryGdxxResponse;
      return gdxxListSchema.parse(body).gdxx.map(toShareholdingRecord);
    };
    const now = () => readShareholdings(xml, 'queryGdxxResponse');
    if (JSON.stringify(before()) !== JSON.stringify(now())) throw new Error('the two readings differ');
    console.log(`\n3. reading 1,000 shareholders (${Math.round(xml.length / 1024)} KB of XML): ms per answer`);
    console.log('| reader | ms |\n|---|---|');
    for (const [name, read] of [
      ['soap parser + zod + mapping (before)', before],
      ['readShareholdings (now)', now],
    ] as const) {
      for (let warm = 0; warm < 20; warm++) read();
      const started = performance.now();
      for (let run = 0; run < PARSES; run++) read();
      console.log(`| ${name} | ${((performance.now() - started) / PARSES).toFixed(2)} |`);
    }
  } finally {
    client.close();
    await server.close();
  }
}

await transports();
await deadlines();
await parsing();
