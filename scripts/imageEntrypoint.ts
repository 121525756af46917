/**
 * The container image's entry point (Dockerfile, docs/operations.md): one image runs every piece,
 * `node dist/scripts/imageEntrypoint.js <piece>`, where the piece is one of
 *
 *   gateway | subgraph <department> | stand-in <department> | portal | workbench | applications
 *   audit:verify | audit:export | audit:checkpoint [their options]
 *   health [piece]   (the image's HEALTHCHECK: GET the health path of the piece running here)
 *
 * Before the piece starts, a variable of its settings that is unset is read from the file of its
 * name under /run/secrets (compose's and Kubernetes' secret files): secrets never sit in the
 * image, the compose file or a manifest. A policy folder mounted from a Kubernetes ConfigMap is
 * read where it is mounted: the pieces' policy watcher takes the kubelet's ..data swap as a change.
 * The piece then runs in this process, as `node dist/<piece>/main.js` would run it (a department's
 * subgraph or stand-in: `node dist/subgraphs/main.js <department>`, `node dist/legacy-mocks/main.js <department>`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APPLICATIONS_DEFAULT_PORT, applicationsSettings } from '../applications/applicationsConfig.js';
import type { Setting } from '../core/config/index.js';
import { gatewaySettings } from '../gateway/gatewayConfig.js';
import { legacyMockSettings } from '../legacy-mocks/legacyMockConfig.js';
import {
  DEPARTMENT_NAMES,
  departmentSettings,
  GATEWAY_DEFAULT_PORT,
  LEGACY_DEPARTMENT_NAMES,
  type LegacyDepartment,
} from '../registry/departments.js';
import { subgraphSettings } from '../subgraphs/kit/subgraphConfig.js';
import { WORKBENCH_DEFAULT_PORT, workbenchSettings } from '../workbench/workbenchConfig.js';
import { auditToolSettings } from './auditToolSettings.js';

/**
 * Node's flags for every piece the image runs: the Dockerfile's ENTRYPOINT gives exactly these
 * (test/deployment.test.ts holds the two together) and the benchmark starts its pieces with them
 * (bench/deployed/PieceBuild.ts). Source-mapped stack traces; and the old generation allowed to grow
 * 50 % past what the last full collection kept, rather than V8's own factor of up to 4: a piece keeps
 * 30 to 50 MB, and under large answers (1,000 shareholders) the default let the market subgraph's
 * heap fill with 150 MB of garbage before collecting it. 50 % kept most of 20 %'s cut in peak memory
 * for little of its CPU (docs/performance.md, "Memory"). V8 sizes its heap when the process starts,
 * so these are command-line flags, not settings read here.
 */
export const PIECE_NODE_FLAGS = ['--enable-source-maps', '--heap-growing-percent=50'] as const;

/** Where compose and Kubernetes put secret files; a file named after a variable sets it. */
export const SECRETS_DIR = '/run/secrets';
/** The reference portal's port unless PORTAL_PORT says otherwise (portal/main.ts). */
export const PORTAL_DEFAULT_PORT = 4080;
/** What `health` waits for an answer before it calls the piece unhealthy. */
const HEALTH_TIMEOUT_MS = 3_000;

/** One thing the image runs: its compiled main under dist/, where it listens, what it reads. */
export interface ImagePiece {
  /** As the command line names it: "gateway", "subgraph tax", "stand-in tax", "portal", "workbench", "applications", "audit:verify". */
  name: string;
  /** The compiled main, relative to dist/ (the files test/build.test.ts starts). */
  main: string;
  /** What the main is told on its command line before the operator's own arguments: the department, for a subgraph or a stand-in. */
  args: readonly string[];
  /** Where it listens: the variable and its default; null for a tool that runs and exits. */
  port: { variable: string; defaultPort: number } | null;
  /** Liveness and readiness paths (a stand-in has only its admin statistics; the portal and the workbench /health). */
  probes: { health: string; ready: string } | null;
  /** Its settings schema; null for the portal, which reads a few variables of its own (portal/main.ts). */
  settings: readonly Setting[] | null;
  /** Reads privacy/ (PRIVACY_DIR) and follows its changes while running. */
  readsPolicy: boolean;
}

const SERVICE_PROBES = { health: '/health', ready: '/ready' };
const AUDIT_TOOLS = {
  'audit:verify': 'auditVerify',
  'audit:export': 'auditExport',
  'audit:checkpoint': 'auditCheckpoint',
};

/** Every piece the image runs, by command line: the table the Dockerfile, compose and the manifests name. */
export function imagePieces(): ImagePiece[] {
  const gateway: ImagePiece = {
    name: 'gateway',
    main: 'gateway/main.js',
    args: [],
    port: { variable: 'GATEWAY_PORT', defaultPort: GATEWAY_DEFAULT_PORT },
    probes: SERVICE_PROBES,
    settings: gatewaySettings(),
    readsPolicy: true,
  };
  const subgraphs = DEPARTMENT_NAMES.map((department): ImagePiece => {
    const registry = departmentSettings(department);
    return {
      name: `subgraph ${department}`,
      main: 'subgraphs/main.js',
      args: [department],
      port: { variable: registry.subgraphPortVariable, defaultPort: registry.subgraphPort },
      probes: SERVICE_PROBES,
      settings: subgraphSettings(department),
      readsPolicy: true,
    };
  });
  const standIns = LEGACY_DEPARTMENT_NAMES.map((department): ImagePiece => {
    const registry = departmentSettings(department);
    return {
      name: `stand-in ${department}`,
      main: 'legacy-mocks/main.js',
      args: [department],
      port: { variable: registry.legacy!.portVariable, defaultPort: registry.legacy!.port },
      probes: { health: '/__admin/stats', ready: '/__admin/stats' },
      settings: legacyMockSettings(department as LegacyDepartment),
      readsPolicy: false,
    };
  });
  const portal: ImagePiece = {
    name: 'portal',
    main: 'portal/main.js',
    args: [],
    port: { variable: 'PORTAL_PORT', defaultPort: PORTAL_DEFAULT_PORT },
    probes: { health: '/health', ready: '/health' },
    settings: null,
    readsPolicy: false,
  };
  // The privacy officers' workbench: for the officers' network only (docs/operations.md). It reads
  // the policy in force on every request; an image holds no git history, so its diffs answer NO_HISTORY.
  const workbench: ImagePiece = {
    name: 'workbench',
    main: 'workbench/main.js',
    args: [],
    port: { variable: 'WORKBENCH_PORT', defaultPort: WORKBENCH_DEFAULT_PORT },
    probes: { health: '/health', ready: '/health' },
    settings: workbenchSettings(),
    readsPolicy: true,
  };
  // The one-stop applications engine (docs/applications.md): no caller reaches it; it acts through
  // the gateway. Its /health and /ready answer once its PostgreSQL schemas are made and DBOS has launched.
  const applications: ImagePiece = {
    name: 'applications',
    main: 'applications/main.js',
    args: [],
    port: { variable: 'APPLICATIONS_PORT', defaultPort: APPLICATIONS_DEFAULT_PORT },
    probes: SERVICE_PROBES,
    settings: applicationsSettings(),
    readsPolicy: false,
  };
  const tools = Object.entries(AUDIT_TOOLS).map(([name, file]): ImagePiece => ({
    name,
    main: `scripts/${file}.js`,
    args: [],
    port: null,
    probes: null,
    settings: auditToolSettings(),
    readsPolicy: false,
  }));
  return [gateway, ...subgraphs, ...standIns, portal, workbench, applications, ...tools];
}

/** The piece a command line names, and the arguments left for it (an audit tool's options). */
export function pieceOf(args: readonly string[]): { piece: ImagePiece; rest: string[] } {
  const [first = '', second = ''] = args;
  const pieces = imagePieces();
  const twoWords = pieces.find((piece) => piece.name === `${first} ${second}`);
  if (twoWords) return { piece: twoWords, rest: args.slice(2) };
  const oneWord = pieces.find((piece) => piece.name === first && !piece.name.includes(' '));
  if (oneWord) return { piece: oneWord, rest: args.slice(1) };
  const departments = first === 'stand-in' ? LEGACY_DEPARTMENT_NAMES : DEPARTMENT_NAMES;
  throw new Error(
    first === 'subgraph' || first === 'stand-in'
      ? `no ${first} ${JSON.stringify(second)}: the departments are ${departments.join(', ')}`
      : `no piece ${JSON.stringify(first)}: run one of gateway, subgraph <department>, stand-in <department>, ` +
          `portal, workbench, applications, ${Object.keys(AUDIT_TOOLS).join(', ')}, health`,
  );
}

/**
 * Sets each of the settings that is unset from the file of its name in `folder`, if there is one
 * (trailing line breaks dropped): `/run/secrets/TAX_LEGACY_API_KEY`. Returns the names it set,
 * never the values. A variable already set wins, so an operator can still override a file.
 */
export function readSecretFiles(
  settings: readonly Setting[],
  env: Record<string, string | undefined>,
  folder = SECRETS_DIR,
): string[] {
  let present: Set<string>;
  try {
    present = new Set(readdirSync(folder));
  } catch {
    return [];
  }
  const set: string[] = [];
  for (const { name } of settings) {
    if (!present.has(name) || (env[name] ?? '').trim() !== '') continue;
    env[name] = readFileSync(join(folder, name), 'utf8').replace(/[\r\n]+$/, '');
    set.push(name);
  }
  return set;
}

/** The command line of the piece this image runs in another process (the container's), from /proc. */
export function runningPieceArgs(proc = '/proc', self = process.pid): string[] | null {
  for (const entry of readdirSync(proc)) {
    if (!/^\d+$/.test(entry) || Number(entry) === self) continue;
    let argv: string[];
    try {
      argv = readFileSync(join(proc, entry, 'cmdline'), 'utf8')
        .split('\0')
        .filter(Boolean);
    } catch {
      continue;
    }
    const at = argv.findIndex((arg) => arg.endsWith('imageEntrypoint.js'));
    if (at >= 0 && argv[at + 1] !== 'health') return argv.slice(at + 1);
  }
  return null;
}

/**
 * `health [piece]`: 0 when the piece (by default the one this image runs in the container) answers
 * its health path with 200, 1 otherwise, with one line saying why.
 */
async function checkHealth(named: readonly string[]): Promise<number> {
  const args = named.length > 0 ? named : runningPieceArgs();
  if (!args) return fail('health: no piece of this image is running in this container');
  let piece: ImagePiece;
  try {
    piece = pieceOf(args).piece;
  } catch (error) {
    return fail(`health: ${(error as Error).message}`);
  }
  if (!piece.port || !piece.probes) return fail(`health: ${piece.name} is a tool, not a service`);
  const port = process.env[piece.port.variable] || String(piece.port.defaultPort);
  const url = `http://127.0.0.1:${port}${piece.probes.health}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    await response.arrayBuffer();
    if (response.status === 200) return 0;
    return fail(`health: ${piece.name} answered ${response.status} at ${url}`);
  } catch (error) {
    return fail(`health: ${piece.name} did not answer at ${url}: ${(error as Error).message}`);
  }
}

function fail(line: string): number {
  process.stderr.write(`${line}\n`);
  return 1;
}

/** Runs the piece the command line names in this process, as its own main would run. */
async function run(args: readonly string[]): Promise<void> {
  if (args[0] === 'health') process.exit(await checkHealth(args.slice(1)));
  let chosen: ReturnType<typeof pieceOf>;
  try {
    chosen = pieceOf(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(64);
  }
  const { piece, rest } = chosen;
  if (piece.settings) readSecretFiles(piece.settings, process.env);
  const dist = new URL('../', import.meta.url);
  const main = new URL(piece.main, dist);
  process.argv = [process.argv[0]!, fileURLToPath(main), ...piece.args, ...rest];
  await import(main.href);
}

// Run only when started as the image's entry point, not when a test imports the table.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
