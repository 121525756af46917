/**
 * `npm start`: the whole stack on this machine, each piece its own process as deployed — the
 * three legacy systems, the three subgraphs and the gateway — with prefixed logs; Ctrl-C stops
 * them all. Ports come from the same environment variables each piece reads alone (README).
 */
import concurrently from 'concurrently';
import { DEV_ISSUER_KEY_NAME } from '../gateway/auth.js';
import { loadDataSet } from '../legacy-mocks/data/index.js';
import { ensureDevKeyPair, GATEWAY_KEY_NAME } from '../subgraphs/kit/index.js';

const PIECES = [
  { name: 'legacy-market', file: 'legacy-mocks/market/main.ts', color: 'blue', health: `http://127.0.0.1:${process.env.MARKET_LEGACY_PORT ?? 5001}/__admin/stats` },
  { name: 'legacy-tax', file: 'legacy-mocks/tax/main.ts', color: 'magenta', health: `http://127.0.0.1:${process.env.TAX_LEGACY_PORT ?? 5002}/__admin/stats` },
  { name: 'legacy-social', file: 'legacy-mocks/social/main.ts', color: 'cyan', health: `http://127.0.0.1:${process.env.SOCIAL_LEGACY_PORT ?? 5003}/__admin/stats` },
  { name: 'market', file: 'subgraphs/market/main.ts', color: 'blue.bold', health: `http://127.0.0.1:${process.env.MARKET_SUBGRAPH_PORT ?? 4001}/health` },
  { name: 'tax', file: 'subgraphs/tax/main.ts', color: 'magenta.bold', health: `http://127.0.0.1:${process.env.TAX_SUBGRAPH_PORT ?? 4002}/health` },
  { name: 'social', file: 'subgraphs/social/main.ts', color: 'cyan.bold', health: `http://127.0.0.1:${process.env.SOCIAL_SUBGRAPH_PORT ?? 4003}/health` },
  { name: 'platform', file: 'subgraphs/platform/main.ts', color: 'yellow.bold', health: `http://127.0.0.1:${process.env.PLATFORM_SUBGRAPH_PORT ?? 4004}/health` },
  { name: 'gateway', file: 'gateway/main.ts', color: 'green.bold', health: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/health` },
] as const;

/** How long the stack may take to come up before start gives up (seconds, generous for slow machines). */
const STARTUP_LIMIT_MS = 60_000;

// Made before the pieces start, so the gateway and the subgraphs agree on keys from the first request.
await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
await ensureDevKeyPair(GATEWAY_KEY_NAME);

const { result, commands } = concurrently(
  PIECES.map((piece) => ({ name: piece.name, command: `"${process.execPath}" --import tsx ${piece.file}`, prefixColor: piece.color })),
  { prefix: 'name', killOthersOn: ['failure', 'success'], restartTries: 0 },
);

const ready = await waitForAll(PIECES.map((piece) => piece.health));
if (ready) {
  const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}`;
  const { fixtures } = loadDataSet();
  process.stdout.write(
    [
      '',
      `The city graph is up. Explorer: ${gateway}/   GraphQL: ${gateway}/graphql`,
      'Public registry data of the fixture "company in arrears", for anyone:',
      `  curl -s ${gateway}/graphql -H 'content-type: application/json' \\`,
      `    -d '{"query":"{ company(uscc: \\"${fixtures.companyInArrears}\\") { uscc name status registeredCapital legalRepresentativeName } }"}'`,
      'The citizen dashboard of the fixture "multiRepresentative", signed in as that citizen:',
      `  TOKEN=$(npm run --silent token -- --kind person --sub ${fixtures.multiRepresentative})`,
      `  curl -s ${gateway}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `    -d '{"query":"{ me { name phone socialSecurity { pensionBalance employer { name } } incomeTax(year: 2025) { refundDue } } }"}'`,
      '',
    ].join('\n'),
  );
} else {
  process.stderr.write(`Not every piece answered within ${STARTUP_LIMIT_MS / 1000} s; see the logs above.\n`);
}

result.then(
  () => process.exit(0),
  () => process.exit(commands.some((command) => command.exited && command.state === 'errored') ? 1 : 0),
);

async function waitForAll(urls: readonly string[]): Promise<boolean> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  const pending = new Set(urls);
  while (pending.size > 0 && Date.now() < deadline) {
    await Promise.all(
      [...pending].map(async (url) => {
        try {
          if ((await fetch(url)).ok) pending.delete(url);
        } catch {
          // Not up yet.
        }
      }),
    );
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return pending.size === 0;
}
