/**
 * Contender 5, the lower bound: no GraphQL at all. A plain node:http server that answers each
 * scenario (POST /<scenario key>, the variables as JSON) by calling the departments' legacy
 * clients directly, in parallel, and returns the same data as JSON.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadDataSet } from '../../legacy-mocks/data/index.js';
import { MarketClient } from '../../subgraphs/market/legacy/index.js';
import { SocialClient } from '../../subgraphs/social/legacy/index.js';
import { TaxClient } from '../../subgraphs/tax/legacy/index.js';
import type { LegacyClients } from '../LoadScenario.js';
import { portalScenarios } from '../scenarios/index.js';
import type { LegacyDepartment } from '../../registry/departments.js';

const legacyUrls = JSON.parse(process.env.BENCH_LEGACY ?? '{}') as Record<LegacyDepartment, string>;
const legacy: LegacyClients = {
  market: new MarketClient({ url: legacyUrls.market }),
  tax: new TaxClient({ baseUrl: legacyUrls.tax }),
  social: new SocialClient({ url: legacyUrls.social }),
};
const answers = new Map(
  portalScenarios(loadDataSet()).map((scenario) => [`/${scenario.key}`, scenario.answerDirectly]),
);

const server = createServer((req, res) => {
  const answer = answers.get(req.url ?? '');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.method !== 'POST' || !answer) return reply(404, { error: `POST one of ${[...answers.keys()].join(', ')}` });
    let variables: Record<string, unknown>;
    try {
      variables = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return reply(400, { error: 'the body must be the variables as JSON' });
    }
    answer(legacy, variables).then(
      (data) => reply(200, { data }),
      (error: unknown) => reply(502, { error: error instanceof Error ? error.message : 'failed' }),
    );
  });
});
server.keepAliveTimeout = 30_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.send?.({ ready: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  for (const client of Object.values(legacy)) client.close();
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
