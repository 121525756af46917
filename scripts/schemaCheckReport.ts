import { SCHEMA_CHANGELOG_ENTRY_FORMAT, SCHEMA_CHANGELOG_FILE } from './schemaCheckChangelog.js';
import type { SchemaCheckResult } from './schemaCheckRun.js';

/**
 * The result as the lines a department developer reads: each change with its coordinate (the name
 * a changelog entry uses), whether it is acknowledged, each problem with its file position, and a
 * last line saying what to do.
 */
export function renderSchemaCheckReport(result: SchemaCheckResult): string {
  const lines = [
    ...result.problems,
    ...result.breaking.map(
      (change) =>
        `BREAKING ${change.coordinate}: ${change.message}` +
        (change.acknowledged
          ? ` (acknowledged in ${SCHEMA_CHANGELOG_FILE})`
          : ` (not acknowledged in ${SCHEMA_CHANGELOG_FILE})`),
    ),
    ...result.dangerous.map((change) => `DANGEROUS ${change.coordinate}: ${change.message}`),
  ];
  const unacknowledged = result.breaking.filter((change) => !change.acknowledged).length;
  if (result.passed) {
    const counts = `${result.breaking.length} acknowledged breaking, ${result.dangerous.length} dangerous changes`;
    lines.push(`schema:check passed (${counts})`);
  } else {
    const reasons = [
      result.problems.length > 0 ? `${result.problems.length} problem(s) above` : '',
      unacknowledged > 0
        ? `${unacknowledged} breaking change(s): keep the old field (deprecated), or add ` +
          `"${SCHEMA_CHANGELOG_ENTRY_FORMAT}" to ${SCHEMA_CHANGELOG_FILE}`
        : '',
    ].filter((reason) => reason !== '');
    lines.push(`schema:check failed: ${reasons.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
