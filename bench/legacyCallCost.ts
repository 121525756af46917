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
/** Rounds over all transports; each reports its best. */
const ROUNDS = 5;
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
  console.log(
    `\n1. transport: ${ROUNDS} rounds of ${Math.ceil(CALLS / ROUNDS)} calls of a 1 KB answer, the best round of each; CPU µs per call (wall µs), ratio to plain CPU`,
  );
  console.log('| transport | sequential CPU | ratio | 10 at a time CPU | ratio |\n|---|---|---|---|---|');
  // Rounds interleave the transports, and each keeps its best round: on a shared machine, other
  // work only ever adds time, so the least a transport took is the closest to its own cost.
  const best = contenders.map(() => ({
    1: { cpuUs: Infinity, wallUs: Infinity },
    [CONCURRENCY]: { cpuUs: Infinity, wallUs: Infinity },
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, call]] of contenders.entries()) {
      for (const concurrency of [1, CONCURRENCY] as const) {
        const figures = await measure(call, Math.ceil(CALLS / ROUNDS), concurrency);
        const kept = best[index]![concurrency]!;
        if (figures.cpuUs < kept.cpuUs) best[index]![concurrency] = figures;
      }
    }
  }
  for (const [index, [name]] of contenders.entries()) {
    const cells = ([1, CONCURRENCY] as const).flatMap((concurrency) => {
      const { cpuUs, wallUs } = best[index]![concurrency]!;
      const ratio = cpuUs / best[0]![concurrency]!.cpuUs;
      return [`${cpuUs.toFixed(1)} (${wallUs.toFixed(1)})`, `${ratio.toFixed(2)}×`];
    });
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
  const policies = [true, false].map((abortOnReturn) => ({
    abortOnReturn,
    policy: timeout(5_000, { strategy: TimeoutStrategy.Aggressive, abortOnReturn }),
    best: Infinity,
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of policies) {
      const { cpuUs } = await measure(() => entry.policy.execute(async () => 'answer'), CALLS, 1);
      entry.best = Math.min(entry.best, cpuUs);
    }
  }
  for (const { abortOnReturn, best } of policies)
    console.log(`| aborts on return: ${abortOnReturn} ${abortOnReturn ? '(before)' : '(now)'} | ${best.toFixed(2)} |`);
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
    const readers = [
      { name: 'soap parser + zod + mapping (before)', read: before, best: Infinity },
      { name: 'readShareholdings (now)', read: now, best: Infinity },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const reader of readers) {
        for (let warm = 0; warm < 5; warm++) reader.read();
        const started = performance.now();
        for (let run = 0; run < PARSES / ROUNDS; run++) reader.read();
        reader.best = Math.min(reader.best, (performance.now() - started) / (PARSES / ROUNDS));
      }
    }
    for (const { name, best } of readers) console.log(`| ${name} | ${best.toFixed(2)} |`);
  } finally {
    client.close();
    await server.close();
  }
}

await transports();
await deadlines();
await parsing();
