import type { AccessLogStore } from '../store/AccessLogStore.js';
import { bearerTokenFile, startCheckpointExporter } from './checkpointExporter.js';
import { checkpointFileSinks, readCheckpointSigner, startCheckpointer, type CheckpointLog } from './checkpoints.js';
import type { CheckpointSettings } from './checkpointSettings.js';

/** How long a stopping platform waits for its last checkpoints to reach the store off the host. */
const EXPORT_DRAIN_ON_STOP_MS = 5_000;

/**
 * The platform's checkpointing (docs/access-log.md, "Checkpoints"): signs every chain's head on
 * its pace, keeps it in the log and the files, and queues it for the store off the host
 * (AUDIT_CHECKPOINT_EXPORT_URL), which is retried in the background and never holds up a request.
 * Throws when the signing key or the export token cannot be read, so the start fails.
 */
export async function startCheckpointing(
  settings: CheckpointSettings,
  store: AccessLogStore,
  log: CheckpointLog,
): Promise<{ stop(): Promise<void> }> {
  const signer = await readCheckpointSigner(settings.keyFile);
  const exporter = settings.url
    ? startCheckpointExporter({
        url: settings.url,
        token: settings.tokenFile ? bearerTokenFile(settings.tokenFile) : undefined,
        log,
      })
    : null;
  const checkpointer = startCheckpointer({
    store,
    signer,
    sinks: [...checkpointFileSinks(settings.files), ...(exporter ? [exporter] : [])],
    intervalMs: settings.intervalMs,
    everyRecords: settings.everyRecords,
    log,
  });
  return {
    async stop() {
      await checkpointer.stop();
      if (!exporter) return;
      if (!(await exporter.flush(EXPORT_DRAIN_ON_STOP_MS)))
        log({
          level: 'warn',
          msg: 'stopping with access log checkpoints not yet exported (the log still holds them)',
          target: exporter.name,
          queued: exporter.queued,
        });
      exporter.stop();
    },
  };
}
