import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { everySetting } from '../scripts/settingsTable/everySetting.js';
import { renderSettingsTable, withSettingsTable } from '../scripts/settingsTable/renderSettingsTable.js';
import { SETTINGS_TABLE_ROWS } from '../scripts/settingsTable/settingsTableRows.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("README's settings table", () => {
  it('is printed from the schemas: every variable a process checks at start, each once (npm run settings:table)', () => {
    // renderSettingsTable throws naming a variable without a row, or a row naming no process's variable.
    const table = renderSettingsTable();
    expect(withSettingsTable(readme, table) === readme, 'README.md is stale: run npm run settings:table').toBe(true);
  });

  it('says which variables production requires and which development values it refuses', () => {
    const rowOf = (name: string) => {
      const row = SETTINGS_TABLE_ROWS.find((candidate) => candidate.variables.includes(name))!;
      return `${row.defaults ?? ''} ${row.readBy}`;
    };
    for (const setting of everySetting()) {
      if (setting.requiredInProduction) expect(rowOf(setting.documentedAs)).toContain('required in production');
      if (setting.developmentValue) expect(rowOf(setting.documentedAs)).toContain('refused in production');
    }
  });

  it('refuses a table that leaves out a variable', () => {
    const withoutDataDir = readme.replace(/^\| `DATA_DIR` .*\n/m, '');
    expect(withoutDataDir).not.toBe(readme);
    expect(withSettingsTable(withoutDataDir, renderSettingsTable())).toBe(readme);
  });
});
