/**
 * Runs one department's legacy stand-in as its own process: `node dist/legacy-mocks/main.js
 * <department>` (`npm run mock -- <department>`); port and variable: registry/departments.ts,
 * host: LEGACY_HOST. The stand-in comes from the generated map of stand-ins, which holds no
 * subgraph code.
 */
import { STAND_IN_MODULES } from '../registry/standInModules.js';
import { departmentNamed, LEGACY_DEPARTMENT_NAMES, type LegacyDepartment } from '../registry/departments.js';
import { runLegacyMock } from './runLegacyMock.js';

let department: LegacyDepartment;
try {
  const named = departmentNamed(process.argv[2]);
  if (!(LEGACY_DEPARTMENT_NAMES as readonly string[]).includes(named))
    throw new Error(`${named} has no legacy system of its own, so no stand-in to run`);
  department = named as LegacyDepartment;
} catch (error) {
  console.error(`mock: ${(error as Error).message}`);
  console.error('usage: npm run mock -- <department>, or node dist/legacy-mocks/main.js <department>');
  process.exit(1);
}
await runLegacyMock(department, STAND_IN_MODULES[department]);
