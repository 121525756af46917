/**
 * `npm run departments`: the department registry as a table (ports, variables, roles, how to run
 * each piece alone). `-- --write` puts it into README.md between its markers and writes the two
 * module maps generated from the registry (registry/departmentModules.ts, registry/standInModules.ts),
 * as `npm run new:department` does after adding a registry line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  DEPARTMENT_MODULES_FILE,
  renderDepartmentModules,
  renderStandInModules,
  STAND_IN_MODULES_FILE,
} from './renderDepartmentModules.js';
import { renderDepartmentTable, withDepartmentTable } from './renderDepartmentTable.js';

const ROOT = new URL('../', import.meta.url);
const README = new URL('README.md', ROOT);

if (process.argv.includes('--write')) {
  try {
    writeFileSync(README, withDepartmentTable(readFileSync(README, 'utf8')));
    writeFileSync(new URL(DEPARTMENT_MODULES_FILE, ROOT), await renderDepartmentModules());
    writeFileSync(new URL(STAND_IN_MODULES_FILE, ROOT), await renderStandInModules());
    console.log(`README.md: department table written; ${DEPARTMENT_MODULES_FILE}, ${STAND_IN_MODULES_FILE} written`);
  } catch (error) {
    console.error(`departments: ${(error as Error).message}`);
    process.exitCode = 1;
  }
} else {
  console.log(renderDepartmentTable());
}
