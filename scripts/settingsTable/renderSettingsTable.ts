import type { Setting } from '../../core/config/index.js';
import { settingsByDocumentedName } from './everySetting.js';
import { SETTINGS_TABLE_ROWS, type SettingsTableRow } from './settingsTableRows.js';

const HEADER = ['| variable | default | read by |', '|---|---|---|'];

/** A default that is one value (`4000`, `on`, a path) is code; a phrase (`unset (anyone)`) is prose. */
function formatDefault(text: string): string {
  return /^\S+$/.test(text) && text !== 'unset' ? `\`${text}\`` : text;
}

function defaultsOf(row: SettingsTableRow, settings: Setting[]): string {
  if (row.defaults !== undefined) return row.defaults;
  const texts = settings.map((setting) => formatDefault(setting.defaultText));
  // "unset, unset" says nothing more than "unset".
  return texts.every((text) => text === texts[0]) ? texts[0]! : texts.join(', ');
}

/**
 * README's "Ports and settings" table: one line per row of SETTINGS_TABLE_ROWS, each variable's name and
 * default from its schema. Throws naming the variable when a row names one no process reads, or a
 * schema's variable has no row: the table lists exactly what the processes check at start.
 */
export function renderSettingsTable(): string {
  const byName = settingsByDocumentedName();
  const listed = new Set<string>();
  const lines = SETTINGS_TABLE_ROWS.map((row) => {
    const settings = row.variables.map((name) => {
      const setting = byName.get(name);
      if (!setting) throw new Error(`README's settings table lists ${name}, which no process reads`);
      if (listed.has(name)) throw new Error(`README's settings table lists ${name} twice`);
      listed.add(name);
      return setting;
    });
    const names = row.names ?? row.variables.map((name) => `\`${name}\``).join(', ');
    return `| ${names} | ${defaultsOf(row, settings)} | ${row.readBy} |`;
  });
  const missing = [...byName.keys()].filter((name) => !listed.has(name));
  if (missing.length > 0) throw new Error(`README's settings table has no row for ${missing.join(', ')}`);
  return [...HEADER, ...lines].join('\n');
}

/** README with its settings table replaced by `table` (the table runs from its header to the first blank line). */
export function withSettingsTable(readme: string, table: string): string {
  const start = readme.indexOf(HEADER[0]!);
  if (start < 0) throw new Error("README.md has no settings table ('| variable | default | read by |')");
  const end = readme.indexOf('\n\n', start);
  return `${readme.slice(0, start)}${table}${readme.slice(end)}`;
}
