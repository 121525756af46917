/**
 * `npm run audit:checkpoint` signs a checkpoint of every chain's head now and exports it, as the
 * platform subgraph does on its own every AUDIT_CHECKPOINT_INTERVAL_MS: for a scheduled job, or
 * before a backup. Key: AUDIT_CHECKPOINT_KEY_FILE (else the development key); where it goes: the
 * log itself, AUDIT_CHECKPOINT_EXPORT (else data/audit/checkpoints.jsonl) and, required in
 * production, AUDIT_CHECKPOINT_EXPORT_URL, retried for up to 30 s.
 * Exit 0: written everywhere; 1: not written or not delivered everywhere; 2: the log could not be
 * opened; 78: a setting is malformed, or production has no store off this host.
 */
import { settingsOrExit } from '../core/config/index.js';
import {
  bearerTokenFile,
  checkpointFileSinks,
  makeCheckpoint,
  openAccessLogStore,
  readCheckpointSigner,
  startCheckpointExporter,
  type AccessLogStore,
  type CheckpointExporter,
} from '../access-log/index.js';
import { readAuditCheckpointSettings } from './auditToolSettings.js';

/** How long a failing store is retried before the command gives up (the log keeps the checkpoint). */
const DELIVERY_TIMEOUT_MS = 30_000;

const { export: settings } = settingsOrExit(() => readAuditCheckpointSettings(process.env));

let store: AccessLogStore;
try {
  store = await openAccessLogStore({ url: process.env.AUDIT_DATABASE_URL, create: false });
} catch (error) {
  process.stderr.write(`cannot open the access log: ${(error as Error).message}\n`);
  process.exit(2);
}

let exporter: CheckpointExporter | null = null;
try {
  const files = checkpointFileSinks(settings.files);
  exporter = settings.url
    ? startCheckpointExporter({
        url: settings.url,
        token: settings.tokenFile ? bearerTokenFile(settings.tokenFile) : undefined,
        // Each failed attempt in one line, without the token: an operator sees why at once.
        log: ({ level, msg, target, error }) =>
          process.stderr.write(`${level}: ${msg} (${String(target)}${error ? `: ${String(error)}` : ''})\n`),
      })
    : null;
  const checkpoint = await makeCheckpoint(store, await readCheckpointSigner(settings.keyFile), [
    ...files,
    ...(exporter ? [exporter] : []),
  ]);
  if (exporter && !(await exporter.flush(DELIVERY_TIMEOUT_MS)))
    throw new Error(
      `checkpoint of ${checkpoint.at} kept in the log and ${files.map((sink) => sink.name).join(', ')}, ` +
        `but not delivered to ${exporter.name} within ${DELIVERY_TIMEOUT_MS / 1_000} s`,
    );
  const places = [...files, ...(exporter ? [exporter] : [])].map((sink) => sink.name).join(', ');
  process.stdout.write(`checkpoint of ${checkpoint.at} signed and kept in the log and in ${places}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  exporter?.stop();
  await store.close();
}
