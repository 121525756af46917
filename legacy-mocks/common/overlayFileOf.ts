import { join } from 'node:path';

/**
 * Where a stand-in keeps the writes it accepted: one JSON-lines file per system and data-set seed
 * in the data directory it was given (LEGACY_DATA_DIR), e.g. `data/legacy/market-20261127.jsonl`.
 * The seed is in the name because the writes only make sense over the data set they were made
 * against (a new USCC must not collide with a generated one). No directory: memory only.
 */
export function overlayFileOf(dataDir: string | undefined, system: string, seed: number): string | undefined {
  return dataDir === undefined ? undefined : join(dataDir, `${system}-${seed}.jsonl`);
}
