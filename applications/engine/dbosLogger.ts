import type { Logger } from '../../core/operations/index.js';

/**
 * DBOS's log lines through the piece's own logger (pino, personal identifiers masked), instead of
 * DBOS's console sink: one format and one redaction for everything the process writes.
 */
export function dbosLogger(log: Logger) {
  const text = (entry: unknown) => (entry instanceof Error ? entry.message : String(entry));
  return {
    info: (entry: unknown) => log.info(text(entry)),
    debug: (entry: unknown) => log.debug(text(entry)),
    warn: (entry: unknown) => log.warn(text(entry)),
    error: (entry: unknown) => log.error(text(entry)),
  };
}
