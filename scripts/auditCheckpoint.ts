/**
 * `npm run audit:checkpoint` signs a checkpoint of every chain's head now and exports it, as the
 * platform subgraph does on its own every AUDIT_CHECKPOINT_INTERVAL_MS: for a scheduled job, or
 * before a backup. Key: AUDIT_CHECKPOINT_KEY_FILE (else the development key); where it goes:
 * AUDIT_CHECKPOINT_EXPORT (else data/audit/checkpoints.jsonl) and the log itself.
 * Exit 0: written; 1: not written everywhere; 2: the log could not be opened.
 */
import {
  checkpointSignerFromEnvironment,
  checkpointSinksFromEnvironment,
  makeCheckpoint,
  openAccessLogStore,
  type AccessLogStore,
} from '../subgraphs/kit/audit/index.js';

let store: AccessLogStore;
try {
  store = await openAccessLogStore({ create: false });
} catch (error) {
  process.stderr.write(`cannot open the access log: ${(error as Error).message}\n`);
  process.exit(2);
}

try {
  const sinks = checkpointSinksFromEnvironment();
  const checkpoint = await makeCheckpoint(store, await checkpointSignerFromEnvironment(), sinks);
  process.stdout.write(
    `checkpoint of ${checkpoint.at} signed and kept in the log and in ${sinks.map((sink) => sink.name).join(', ') || 'the log only'}\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
