import {
  newChainName,
  openAccessLogStore,
  openCertificateRegister,
  startCheckpointing,
} from '../../access-log/index.js';
import { createLogger } from '../../core/operations/index.js';
import { failStart, settingsOrExit } from '../../core/config/index.js';
import { GATEWAY_KEY_NAME } from '../../core/identity/gatewayKey.js';
import { gatewayKeyResolver } from '../../core/identity/gatewayKeyResolver.js';
import { ensureDevKeyPair } from '../../core/identity/keyFiles.js';
import type { DepartmentDefinition } from './defineDepartment.js';
import { startDepartment } from './startDepartment.js';
import { readSubgraphConfig } from './subgraphConfig.js';

/**
 * Runs a subgraph as its own process, as deployed: its settings read and checked at start
 * (subgraphConfig.ts: every problem printed at once, exit 78), the gateway's keys by kid, its own chain in the shared access log (and, for
 * the platform, the checkpointer), one start-up line, a clean stop on signals.
 */
export async function runSubgraphMain(definition: DepartmentDefinition): Promise<void> {
  // A key file unreadable, the database refusing, the port taken: one line and exit, no stack trace.
  await runSubgraph(definition).catch((error: unknown) => failStart(`${definition.name} subgraph`, error));
}

async function runSubgraph(definition: DepartmentDefinition): Promise<void> {
  const department = definition.name;
  // Every variable checked at once, before anything opens (README, "Ports and settings").
  const config = settingsOrExit(() => readSubgraphConfig(department));
  const { port, host, legacyUrl, legacyTimeoutMs: timeout } = config;
  // The gateway's published keys (GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL), picked by kid; without
  // them one public key (GATEWAY_PUBLIC_KEY_FILE), or the development key under data/keys.
  const gatewayKey = gatewayKeyResolver(
    config.gatewayKeys.jwksFile || config.gatewayKeys.jwksUrl || config.gatewayKeys.publicKeyFile
      ? config.gatewayKeys
      : { publicKeyFile: (await ensureDevKeyPair(GATEWAY_KEY_NAME)).publicFile },
  );
  // The access log: AUDIT_DATABASE_URL (PostgreSQL) or the SQLite file under data/audit, shared by
  // all subgraphs; this process appends to a chain of its own (AUDIT_CHAIN to name it).
  const accessLog = await openAccessLogStore({
    url: config.auditDatabaseUrl,
    chain: config.auditChain || newChainName(department),
  });
  // The certificate register, a store of its own in the same database.
  const certificates = await openCertificateRegister({ url: config.auditDatabaseUrl });
  let checkpointer: { stop(): Promise<void> } | null = null;
  // Only the platform's settings have checkpoints: the city data centre owns the log, so it signs every chain's head.
  if (config.checkpoints) {
    const logger = createLogger(`${department}-checkpoints`);
    // Signed every AUDIT_CHECKPOINT_INTERVAL_MS and queued for AUDIT_CHECKPOINT_EXPORT_URL off this host.
    checkpointer = await startCheckpointing(config.checkpoints, accessLog, ({ level, msg, ...entry }) =>
      logger[level](entry, msg),
    );
  }
  // The platform's applications fields: the front desk opens its database on first use, not now.
  // Imported only here: it brings the workflow engine (DBOS) and pg, which the other departments'
  // processes would otherwise load and keep for nothing (docs/performance.md, "Memory").
  const applications = config.applications
    ? await (
        await import('../../applications/graph/openApplicationsFrontDesk.js')
      ).openApplicationsFrontDesk(config.applications)
    : null;
  const running = await startDepartment(definition, {
    applications,
    port,
    host,
    legacyUrl,
    legacyTimeoutMs: timeout,
    ...(config.legacyGuard ? { legacyGuard: config.legacyGuard } : {}),
    gatewayKey,
    accessLog,
    certificates,
    policyFile: config.policyFile,
    certificateVerifyUrl: config.certificateVerifyUrl,
    production: config.production,
    legacyCredentials: config.legacyCredentials,
  });
  process.stdout.write(
    `${department} subgraph listening on ${running.url}/graphql${legacyUrl ? ` (legacy system ${legacyUrl})` : ''}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running
        .close()
        .then(() => checkpointer?.stop())
        .then(() => applications?.close())
        .then(() => Promise.all([accessLog.close(), certificates.close()]))
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
}
