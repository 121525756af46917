import { DBOS } from '@dbos-inc/dbos-sdk';
import type pg from 'pg';
import { quoteIdentifier } from './applicationTables.js';

export interface ReplicaWatch {
  /** How often this replica says it is alive and looks for silent ones. */
  heartbeatSeconds: number;
  /** A replica not seen for this long is taken for dead: its pending workflows are taken over. */
  silenceSeconds: number;
}

export const PRODUCTION_REPLICA_WATCH: ReplicaWatch = { heartbeatSeconds: 10, silenceSeconds: 60 };

/**
 * What DBOS Conductor would do for self-hosted replicas, on DBOS's public API: each replica
 * writes a heartbeat; one that falls silent (killed, its machine gone, never restarted) is
 * claimed by exactly one survivor (DELETE … RETURNING takes the row once), which puts its PENDING
 * workflows back on DBOS's queue (DBOS.resumeWorkflows), where any replica claims each once and
 * goes on from its last checkpoint. If the silent one was only slow, DBOS's ownership token makes
 * its next checkpoint fail (DBOSWorkflowConflictError), and the idempotency keys make a call it
 * was already making take effect once. A replica restarted under its own id recovers its own at
 * launch instead, as DBOS always does.
 */
export function watchReplicas(
  pool: pg.Pool,
  schema: string,
  executorId: string,
  watch: ReplicaWatch,
  onTakeOver: (executorId: string, workflows: number) => void = () => undefined,
): { stop(): Promise<void> } {
  const replicas = `${quoteIdentifier(schema)}.replicas`;
  let running: Promise<void> = Promise.resolve();
  const beat = async () => {
    await pool.query(
      `INSERT INTO ${replicas} (executor_id, seen_at) VALUES ($1, now())
       ON CONFLICT (executor_id) DO UPDATE SET seen_at = now()`,
      [executorId],
    );
    const silent = await pool.query<{ executor_id: string }>(
      `DELETE FROM ${replicas} WHERE executor_id <> $1 AND seen_at < now() - make_interval(secs => $2) RETURNING executor_id`,
      [executorId, watch.silenceSeconds],
    );
    for (const { executor_id: dead } of silent.rows) {
      const pending = await DBOS.listWorkflows({
        status: 'PENDING',
        executorId: dead,
        loadInput: false,
        loadOutput: false,
      });
      if (pending.length > 0) await DBOS.resumeWorkflows(pending.map((workflow) => workflow.workflowID));
      onTakeOver(dead, pending.length);
    }
  };
  const timer = setInterval(() => {
    // One beat at a time; a failed one (the database away for a moment) is tried again next time.
    running = running.then(beat).catch(() => undefined);
  }, watch.heartbeatSeconds * 1000);
  running = beat().catch(() => undefined);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await pool.query(`DELETE FROM ${replicas} WHERE executor_id = $1`, [executorId]).catch(() => undefined);
    },
  };
}
