/**
 * Runs one department's subgraph as its own process, as deployed: `node dist/subgraphs/main.js
 * <department>` (`npm run subgraph -- <department>`). The department's definition comes from the
 * generated module map; its settings are read and checked once, at start (kit's runSubgraphMain).
 */
import { DEPARTMENT_MODULES } from '../registry/departmentModules.js';
import { departmentNamed, type Department } from '../registry/departments.js';
import { runSubgraphMain } from './kit/index.js';

let department: Department;
try {
  department = departmentNamed(process.argv[2]);
} catch (error) {
  console.error(`subgraph: ${(error as Error).message}`);
  console.error('usage: npm run subgraph -- <department>, or node dist/subgraphs/main.js <department>');
  process.exit(1);
}
await runSubgraphMain(DEPARTMENT_MODULES[department]);
