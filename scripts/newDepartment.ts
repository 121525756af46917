/**
 * `npm run new:department -- <name>`: scaffolds a department (docs/adding-a-department.md) that
 * composes, passes the policy check, type checks and answers through the gateway as it stands:
 * its subgraph (`subgraphs/<name>/`: a definition, `department.ts`, with one `Person.<name>Record`
 * over kit's REST transport, and its client's test against the stand-in), a small legacy stand-in
 * serving the data set and its test (`legacy-mocks/<name>/`), a policy denying every field
 * (`privacy/<name>.yaml`) and its policy tests: 15 files. It edits two shared files, its registry
 * line on the next free ports and its role and purpose in `privacy/roles.yaml`; nothing else
 * shared is edited by hand, because every other piece finds the department by the registry's
 * convention. Then it regenerates what follows from the registry and the schema (supergraph, typed
 * resolvers, the README's department table, the module maps registry/departmentModules.ts and
 * registry/standInModules.ts) and formats the new files. scripts/newDepartment.test.ts runs it in a copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { DEPARTMENT_NAMES, DEPARTMENTS } from '../registry/departments.js';
import { toDepartmentNames, type DepartmentNames } from './departmentTemplate/departmentNames.js';
import { registerDepartment, type DepartmentPlacement } from './departmentTemplate/registerDepartment.js';
import { writeDepartmentFiles } from './departmentTemplate/writeDepartmentFiles.js';

// The scaffold writes into the sources: the repository, where this script runs from (CODE_ROOT ends in a slash).
const ROOT = CODE_ROOT;
/**
 * What turns the new schema into a supergraph and typed resolvers (without them nothing type
 * checks), writes the README's department table and the module maps that import the new
 * definition and stand-in; then the scaffold formats its own files.
 */
const FOLLOW_UPS: readonly (readonly string[])[] = [['compose'], ['codegen'], ['departments', '--', '--write']];

function main(): void {
  let names: DepartmentNames;
  try {
    names = toDepartmentNames(process.argv[2]);
    refuseTakenName(names.name);
  } catch (error) {
    console.error(`new:department: ${(error as Error).message}`);
    console.error('usage: npm run new:department -- <name>');
    process.exitCode = 1;
    return;
  }
  const placement = nextPlacement();
  const written = writeDepartmentFiles(ROOT, names);
  const edited = registerDepartment(ROOT, names, placement);
  console.log(
    `${names.name}: subgraph on port ${placement.subgraphPort}, legacy system on port ${placement.legacyPort}`,
  );
  for (const path of written) console.log(`  created ${path}`);
  for (const path of edited) console.log(`  edited  ${path}`);
  for (const script of FOLLOW_UPS) {
    const run = spawnSync('npm', ['run', '--silent', ...script], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`new:department: npm run ${script.join(' ')} failed; fix the files above and run it again.`);
      process.exitCode = 1;
      return;
    }
  }
  // Only what the scaffold wrote, as `npm test` expects it: nobody else's files are touched.
  const prettier = join(ROOT, 'node_modules', '.bin', 'prettier');
  const formatted = spawnSync(prettier, ['--write', '--log-level', 'warn', ...written, ...edited], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (formatted.status !== 0) {
    console.error('new:department: formatting the new files failed; run npm run format.');
    process.exitCode = 1;
    return;
  }
  console.log(
    'Next: npm run policy:check, npm test; then give the record its real fields and the privacy officers the policy.',
  );
}

/** A name the registry or any department folder already uses is refused, so nothing is overwritten. */
function refuseTakenName(name: string): void {
  if ((DEPARTMENT_NAMES as readonly string[]).includes(name))
    throw new Error(`${name} is already in registry/departments.ts`);
  for (const path of [
    `subgraphs/${name}`,
    `legacy-mocks/${name}`,
    `privacy/${name}.yaml`,
    `privacy/tests/${name}.yaml`,
  ]) {
    if (existsSync(`${ROOT}${path}`)) throw new Error(`${path} already exists`);
  }
}

/** The next free ports after the registry's highest. */
function nextPlacement(): DepartmentPlacement {
  const legacyPorts = DEPARTMENTS.flatMap((entry) => (entry.legacyPort === null ? [] : [entry.legacyPort]));
  return {
    subgraphPort: Math.max(...DEPARTMENTS.map((entry) => entry.subgraphPort)) + 1,
    legacyPort: Math.max(...legacyPorts) + 1,
  };
}

main();
