import { verifyAccessLog } from '../access-log/index.js';
import { postgresBackend, sqliteBackend, type AccessLogBackend } from '../access-log/testing/accessLogBackends.js';
import { appendFromProcesses } from '../access-log/testing/appendFromProcesses.js';

/**
 * Appends each writer keeps waiting at once (bench/accessLogAppends.ts' figure): a busy subgraph
 * replica serving a few gateways' requests, and a queue for the group commit to gather.
 */
export const APPENDS_IN_FLIGHT = 32;

export interface AppendCell {
  backend: AccessLogBackend['name'];
  writers: number;
  appends: number;
  appendsPerSecond: number;
  /** The log verified afterwards: every chain valid, one chain per writer, one record per append. */
  verified: boolean;
  verdict: string;
}

/**
 * Access-log appends per second of this commit's store, as `npm run bench:access-log-appends`
 * measures them (the same helpers: appendFromProcesses, a chain per writer process, then
 * verifyAccessLog), for the writer counts given, on SQLite and, when reachable, PostgreSQL. One
 * append is one request's record of three subjects. Returns the cells and why a backend was skipped.
 */
export async function measureAccessLogAppends(options: {
  writerCounts: readonly number[];
  appendsPerCell: number;
  log: (line: string) => void;
}): Promise<{ cells: AppendCell[]; skipped: string[] }> {
  const cells: AppendCell[] = [];
  const skipped: string[] = [];
  for (const backend of [sqliteBackend, postgresBackend]) {
    const unavailable = await backend.unavailable();
    if (unavailable) {
      skipped.push(`${backend.name} not measured: ${unavailable}`);
      options.log(skipped.at(-1)!);
      continue;
    }
    for (const writers of options.writerCounts) {
      options.log(`access-log appends: ${backend.name}, ${writers} writer(s), ${options.appendsPerCell} appends`);
      const cell = await measureAppendCell(backend, writers, options.appendsPerCell);
      cells.push(cell);
      options.log(`  ${cell.appendsPerSecond.toFixed(0)}/s, ${cell.verdict}`);
    }
  }
  return { cells, skipped };
}

/** One cell: `appends` shared among `writers` processes on a fresh log of `backend`, then the log verified. */
export async function measureAppendCell(
  backend: AccessLogBackend,
  writers: number,
  appends: number,
): Promise<AppendCell> {
  const temp = await backend.create();
  try {
    const names = Array.from({ length: writers }, (_, index) => `w${index + 1}`);
    const writerMs = await appendFromProcesses(temp.url, names, Math.ceil(appends / writers), APPENDS_IN_FLIGHT);
    if (writerMs.some((ms) => !Number.isFinite(ms)))
      throw new Error(`a writer reported no time: ${writerMs.join(', ')}`);
    const total = Math.ceil(appends / writers) * writers;
    const verdict = await verifyAccessLog(await temp.open());
    const verified = verdict.ok && verdict.chains === writers && verdict.records === total;
    return {
      backend: backend.name,
      writers,
      appends: total,
      // Until the last writer's last commit: a writer that finishes early does not count as still writing.
      appendsPerSecond: total / (Math.max(...writerMs) / 1000),
      verified,
      verdict: verdict.ok
        ? `${verified ? 'ok' : 'NOT AS EXPECTED'}: ${verdict.chains} chain(s), ${verdict.records} records`
        : `FAILED: chain ${verdict.chain} at seq ${verdict.atSeq}: ${verdict.problem}`,
    };
  } finally {
    await temp.dispose();
  }
}
