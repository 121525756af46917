import { openAccessLogStore, type AccessLogStore } from './audit/index.js';
import { GATEWAY_KEY_NAME } from './identity/gatewayKey.js';
import { ensureDevKeyPair, readPublicKey } from './identity/keyFiles.js';
import type { RunningServer } from './serveGraphQL.js';
import type { SubgraphSettings } from './SubgraphSettings.js';

export interface SubgraphMainOptions {
  department: string;
  portVariable: string;
  defaultPort: number;
  /** Absent for a subgraph with no legacy system of its own (platform). */
  legacyUrlVariable?: string;
  defaultLegacyUrl?: string;
}

/**
 * Runs a subgraph as its own process, as deployed: port and legacy URL from the environment
 * (SUBGRAPH_HOST, LEGACY_TIMEOUT_MS and GATEWAY_PUBLIC_KEY_FILE shared by all; without the last,
 * the development gateway key under data/keys), one start-up line, a clean stop on signals.
 */
export async function runSubgraphMain(
  options: SubgraphMainOptions,
  start: (settings: SubgraphSettings & { accessLog: AccessLogStore }) => Promise<RunningServer>,
): Promise<void> {
  const port = Number(process.env[options.portVariable] ?? options.defaultPort);
  const host = process.env.SUBGRAPH_HOST ?? '127.0.0.1';
  const legacyUrl = (options.legacyUrlVariable && process.env[options.legacyUrlVariable]) || (options.defaultLegacyUrl ?? '');
  const timeout = process.env.LEGACY_TIMEOUT_MS ? Number(process.env.LEGACY_TIMEOUT_MS) : undefined;
  const keyFile = process.env.GATEWAY_PUBLIC_KEY_FILE ?? (await ensureDevKeyPair(GATEWAY_KEY_NAME)).publicFile;
  // The access log: AUDIT_DATABASE_URL (PostgreSQL) or the SQLite file under data/audit, shared by all subgraphs.
  const accessLog = await openAccessLogStore();
  const running = await start({ port, host, legacyUrl, legacyTimeoutMs: timeout, gatewayKey: await readPublicKey(keyFile), accessLog });
  process.stdout.write(`${options.department} subgraph listening on ${running.url}/graphql${legacyUrl ? ` (legacy system ${legacyUrl})` : ''}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running
        .close()
        .then(() => accessLog.close())
        .then(() => process.exit(0), () => process.exit(1));
    });
  }
}
