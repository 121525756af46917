import { MARKET_DEFAULT_PORT, startMarketMock } from './startMarketMock.js';

// Runs the registry alone: `npm run mock:market` (MARKET_LEGACY_PORT, LEGACY_HOST).
const port = portFromEnvironment(process.env.MARKET_LEGACY_PORT, MARKET_DEFAULT_PORT);
const host = process.env.LEGACY_HOST || '127.0.0.1';
const server = await startMarketMock({ port, host });
console.log(`${server.name} listening on ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

function portFromEnvironment(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error('MARKET_LEGACY_PORT must be a port number from 0 to 65535');
    process.exit(1);
  }
  return port;
}
