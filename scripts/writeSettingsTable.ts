/**
 * `npm run settings:table`: prints README's settings table from the process kinds' schemas into
 * README.md ("Ports and settings"); `-- --check` only says whether README is current (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderSettingsTable, withSettingsTable } from './settingsTable/renderSettingsTable.js';

const readmeFile = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeFile, 'utf8');
const current = withSettingsTable(readme, renderSettingsTable());
if (process.argv.includes('--check')) {
  if (current !== readme) {
    console.error("README.md: the settings table is not the schemas' (npm run settings:table writes it)");
    process.exit(1);
  }
  console.log('README.md: the settings table is current');
} else {
  writeFileSync(readmeFile, current);
  console.log(current === readme ? 'README.md: the settings table was current' : 'README.md: settings table written');
}
