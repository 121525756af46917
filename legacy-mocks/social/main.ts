import { startSocialMock } from './index.js';

/** The port `npm run mock:social` listens on unless SOCIAL_LEGACY_PORT says otherwise. */
const DEFAULT_PORT = 5003;

const port = process.env.SOCIAL_LEGACY_PORT ? Number(process.env.SOCIAL_LEGACY_PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('SOCIAL_LEGACY_PORT must be a port number (0-65535)');
  process.exit(1);
}
const system = await startSocialMock({ port, host: process.env.LEGACY_HOST || '127.0.0.1' });
console.log(`${system.name} listening on ${system.url}`);

const stop = () => {
  system.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
