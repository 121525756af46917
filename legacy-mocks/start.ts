/** `npm run mocks`: the three legacy systems in one process, on their default ports (or the *_LEGACY_PORT variables). */
import { loadDataSet } from './data/index.js';
import { startMarketMock } from './market/index.js';
import { startSocialMock } from './social/index.js';
import { startTaxMock } from './tax/index.js';

const host = process.env.LEGACY_HOST || '127.0.0.1';
const dataSet = loadDataSet();
const port = (variable: string, fallback: number) => (process.env[variable] ? Number(process.env[variable]) : fallback);

const servers = await Promise.all([
  startMarketMock({ port: port('MARKET_LEGACY_PORT', 5001), host, dataSet }),
  startTaxMock({ port: port('TAX_LEGACY_PORT', 5002), host, dataSet }),
  startSocialMock({ port: port('SOCIAL_LEGACY_PORT', 5003), host, dataSet }),
]);
for (const server of servers) process.stdout.write(`${server.name} listening on ${server.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all(servers.map((server) => server.close())).then(() => process.exit(0), () => process.exit(1));
  });
}
