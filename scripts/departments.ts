/**
 * `npm run departments`: the department registry as a table (ports, variables, roles, how to run
 * each piece alone). `-- --write` puts it into README.md between its markers, as
 * `npm run new:department` does after adding a registry line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderDepartmentTable, withDepartmentTable } from './renderDepartmentTable.js';

const README = new URL('../README.md', import.meta.url);

if (process.argv.includes('--write')) {
  try {
    writeFileSync(README, withDepartmentTable(readFileSync(README, 'utf8')));
    console.log('README.md: department table written');
  } catch (error) {
    console.error(`departments: ${(error as Error).message}`);
    process.exitCode = 1;
  }
} else {
  console.log(renderDepartmentTable());
}
