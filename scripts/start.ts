/**
 * `npm start`: the whole stack on this machine, each piece its own process as deployed — every
 * department's legacy system and subgraph (registry/departments.ts), the applications engine and the gateway — with prefixed
 * logs; Ctrl-C stops them all. Ports come from the same environment variables each piece reads alone (README).
 */
import concurrently from 'concurrently';
import { loadDataSet, readDataSeed } from '../legacy-mocks/data/index.js';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  GATEWAY_DEFAULT_PORT,
  type Department,
} from '../registry/departments.js';
import { APPLICATIONS_KEY_NAME, DEV_ISSUER_KEY_NAME, ensureDevKeyPair, GATEWAY_KEY_NAME } from '../core/index.js';
import { APPLICATIONS_DEFAULT_PORT } from '../applications/applicationsConfig.js';

/**
 * Log colours given to departments in registry order (a department's legacy system shares its
 * colour, its subgraph is bold); green stays the gateway's. Cycled, so a new department needs no entry here.
 */
const DEPARTMENT_COLOURS = ['blue', 'magenta', 'cyan', 'yellow', 'red', 'white'] as const;
const colourOf = (name: Department) => DEPARTMENT_COLOURS[DEPARTMENT_NAMES.indexOf(name) % DEPARTMENT_COLOURS.length]!;

const portOf = (variable: string, fallback: number) => process.env[variable] ?? fallback;

// Every registry department's legacy system first, then its subgraph, then the gateway.
const PIECES = [
  ...DEPARTMENT_NAMES.flatMap((name) => {
    const { legacy } = departmentSettings(name);
    if (!legacy) return [];
    const health = `http://127.0.0.1:${portOf(legacy.portVariable, legacy.port)}/__admin/stats`;
    return [{ name: `legacy-${name}`, file: `legacy-mocks/main.ts ${name}`, color: colourOf(name), health }];
  }),
  ...DEPARTMENT_NAMES.map((name) => {
    const { subgraphPortVariable, subgraphPort } = departmentSettings(name);
    const health = `http://127.0.0.1:${portOf(subgraphPortVariable, subgraphPort)}/health`;
    // One entry for every department's subgraph (subgraphs/main.ts), one for every stand-in (legacy-mocks/main.ts).
    return { name, file: `subgraphs/main.ts ${name}`, color: `${colourOf(name)}.bold`, health };
  }),
  // The one-stop applications' engine (its embedded PostgreSQL under data/ unless APPLICATIONS_DATABASE_URL is set).
  {
    name: 'applications',
    file: 'applications/main.ts',
    color: 'white.bold',
    health: `http://127.0.0.1:${portOf('APPLICATIONS_PORT', APPLICATIONS_DEFAULT_PORT)}/health`,
  },
  {
    name: 'gateway',
    file: 'gateway/main.ts',
    color: 'green.bold',
    health: `http://127.0.0.1:${portOf('GATEWAY_PORT', GATEWAY_DEFAULT_PORT)}/health`,
  },
];

/** How long the stack may take to come up before start gives up (seconds, generous for slow machines). */
const STARTUP_LIMIT_MS = 60_000;

// Made before the pieces start, so the gateway and the subgraphs agree on keys from the first request.
await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
await ensureDevKeyPair(GATEWAY_KEY_NAME);
await ensureDevKeyPair(APPLICATIONS_KEY_NAME);

const { result, commands } = concurrently(
  PIECES.map((piece) => ({
    name: piece.name,
    command: `"${process.execPath}" --import tsx ${piece.file}`,
    prefixColor: piece.color,
  })),
  { prefix: 'name', killOthersOn: ['failure', 'success'], restartTries: 0 },
);

const ready = await waitForAll(PIECES.map((piece) => piece.health));
if (ready) {
  const gateway = `http://127.0.0.1:${portOf('GATEWAY_PORT', GATEWAY_DEFAULT_PORT)}`;
  const { fixtures } = loadDataSet(readDataSeed(process.env));
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
