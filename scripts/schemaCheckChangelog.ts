import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The changelog that acknowledges breaking changes, relative to the checked folder. */
export const SCHEMA_CHANGELOG_FILE = 'docs/schema-changes.md';

/** How an entry reads, for messages that tell a developer what to write. */
export const SCHEMA_CHANGELOG_ENTRY_FORMAT = '- BREAKING <coordinate>: <what changed> (<reason, migration>)';

/**
 * An entry in SCHEMA_CHANGELOG_ENTRY_FORMAT. The reason in the closing parentheses is required: it is what
 * a portal team reads to learn why its query broke and what to send instead.
 */
const ENTRY = /^- BREAKING (?<coordinate>[A-Za-z_@][\w.@]*): (?<what>\S.*?) \((?<why>.*\S.*)\)$/;
const ENTRY_START = /^- BREAKING\b/;
const FENCE = /^\s*```/;

export interface SchemaChangelog {
  /** Schema coordinates with a well-formed entry, e.g. `TaxProfile.creditRating`. */
  acknowledged: Set<string>;
  /** Lines that start like an entry but do not follow the format, as `file:line: …`. */
  malformed: string[];
}

/**
 * Reads the breaking changes acknowledged in the changelog under `root` (docs/schema-changes.md
 * documents the format). Lines inside fenced code blocks are examples, not entries. A missing file
 * acknowledges nothing.
 */
export function readSchemaChangelog(root: string): SchemaChangelog {
  const path = join(root, SCHEMA_CHANGELOG_FILE);
  const changelog: SchemaChangelog = { acknowledged: new Set(), malformed: [] };
  if (!existsSync(path)) return changelog;
  let inFence = false;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((rawLine, index) => {
      const line = rawLine.trimEnd();
      if (FENCE.test(line)) inFence = !inFence;
      if (inFence || !ENTRY_START.test(line)) return;
      const coordinate = ENTRY.exec(line)?.groups?.coordinate;
      if (coordinate === undefined) {
        changelog.malformed.push(
          `${SCHEMA_CHANGELOG_FILE}:${index + 1}: not "${SCHEMA_CHANGELOG_ENTRY_FORMAT}": ${line}`,
        );
      } else {
        changelog.acknowledged.add(coordinate);
      }
    });
  return changelog;
}
