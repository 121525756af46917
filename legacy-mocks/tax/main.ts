import { startTaxMock, TAX_DEFAULT_PORT } from './startTaxMock.js';

/** Runs the tax system alone: `npm run mock:tax`, port from TAX_LEGACY_PORT, host from LEGACY_HOST. */
const rawPort = process.env.TAX_LEGACY_PORT;
const port = rawPort === undefined || rawPort === '' ? TAX_DEFAULT_PORT : Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('TAX_LEGACY_PORT must be a port number from 0 to 65535');
  process.exit(1);
}
const server = await startTaxMock({ port, host: process.env.LEGACY_HOST || '127.0.0.1' });
console.log(`${server.name} listening on ${server.url}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  });
}
