import {
  checkpointSignerFromEnvironment,
  checkpointSinksFromEnvironment,
  newChainName,
  openAccessLogStore,
  startCheckpointer,
  type AccessLogStore,
} from './audit/index.js';
import { createLogger } from '../../core/operations/index.js';
import { GATEWAY_KEY_NAME } from '../../core/identity/gatewayKey.js';
import { ensureDevKeyPair, readPublicKey } from '../../core/identity/keyFiles.js';
import type { RunningServer } from '../../core/serveGraphQL.js';
import type { SubgraphSettings } from './SubgraphSettings.js';

export interface SubgraphMainOptions {
  department: string;
  portVariable: string;
  defaultPort: number;
  /** Absent for a subgraph with no legacy system of its own (platform). */
  legacyUrlVariable?: string;
  defaultLegacyUrl?: string;
  /**
   * Whether this process signs checkpoints of every chain's head and exports them
   * (AUDIT_CHECKPOINT_*; the platform subgraph, which owns the log, does).
   */
  checkpoints?: boolean;
}

/**
 * Runs a subgraph as its own process, as deployed: port and legacy URL from the environment
 * (SUBGRAPH_HOST, LEGACY_TIMEOUT_MS and GATEWAY_PUBLIC_KEY_FILE shared by all; without the last,
 * the development gateway key under data/keys), its own chain in the shared access log (and, for
 * the platform, the checkpointer), one start-up line, a clean stop on signals.
 */
export async function runSubgraphMain(
  options: SubgraphMainOptions,
  start: (settings: SubgraphSettings & { accessLog: AccessLogStore }) => Promise<RunningServer>,
): Promise<void> {
  const port = Number(process.env[options.portVariable] ?? options.defaultPort);
  const host = process.env.SUBGRAPH_HOST ?? '127.0.0.1';
  const legacyUrl =
    (options.legacyUrlVariable && process.env[options.legacyUrlVariable]) || (options.defaultLegacyUrl ?? '');
  const timeout = process.env.LEGACY_TIMEOUT_MS ? Number(process.env.LEGACY_TIMEOUT_MS) : undefined;
  const keyFile = process.env.GATEWAY_PUBLIC_KEY_FILE ?? (await ensureDevKeyPair(GATEWAY_KEY_NAME)).publicFile;
  // The access log: AUDIT_DATABASE_URL (PostgreSQL) or the SQLite file under data/audit, shared by
  // all subgraphs; this process appends to a chain of its own (AUDIT_CHAIN to name it).
  const accessLog = await openAccessLogStore({ chain: process.env.AUDIT_CHAIN || newChainName(options.department) });
  let checkpointer: ReturnType<typeof startCheckpointer> | null = null;
  if (options.checkpoints) {
    const logger = createLogger(`${options.department}-checkpoints`);
    checkpointer = startCheckpointer({
      store: accessLog,
      signer: await checkpointSignerFromEnvironment(),
      sinks: checkpointSinksFromEnvironment(),
      log: ({ level, msg, ...entry }) => logger[level](entry, msg),
    });
  }
  const running = await start({
    port,
    host,
    legacyUrl,
    legacyTimeoutMs: timeout,
    gatewayKey: await readPublicKey(keyFile),
    accessLog,
  });
  process.stdout.write(
    `${options.department} subgraph listening on ${running.url}/graphql${legacyUrl ? ` (legacy system ${legacyUrl})` : ''}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running
        .close()
        .then(() => checkpointer?.stop())
        .then(() => accessLog.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
}
