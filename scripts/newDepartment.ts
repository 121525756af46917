/**
 * `npm run new:department -- <name>`: scaffolds a department (docs/adding-a-department.md) that
 * composes, passes the policy check, type checks and answers through the gateway as it stands:
 * its subgraph (`subgraphs/<name>/`, one `Person.<name>Record` over kit's REST transport), a
 * small legacy stand-in serving the data set (`legacy-mocks/<name>/`), a policy denying every
 * field (`privacy/<name>.yaml`), its registry line on the next free ports, its role and purpose,
 * and the entries in the shared files that still name each department. Then it runs
 * `npm run compose` and `npm run codegen`. scripts/newDepartment.test.ts runs it in a copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEPARTMENT_NAMES, DEPARTMENTS } from '../registry/departments.js';
import { toDepartmentNames, type DepartmentNames } from './departmentTemplate/departmentNames.js';
import { registerDepartment, type DepartmentPlacement } from './departmentTemplate/registerDepartment.js';
import { writeDepartmentFiles } from './departmentTemplate/writeDepartmentFiles.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What turns the new schema into a supergraph and typed resolvers (without them nothing type checks), then formats the new files as `npm test` expects. */
const FOLLOW_UPS = ['compose', 'codegen', 'format'] as const;

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
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`new:department: npm run ${script} failed; fix the files above and run it again.`);
      process.exitCode = 1;
      return;
    }
  }
  console.log(
    'Next: npm run policy:check, npm test; then give the record its real fields and the privacy officers the policy.',
  );
}

/** A name the registry or any department folder already uses is refused, so nothing is overwritten. */
function refuseTakenName(name: string): void {
  if ((DEPARTMENT_NAMES as readonly string[]).includes(name))
    throw new Error(`${name} is already in registry/departments.ts`);
  for (const path of [`subgraphs/${name}`, `legacy-mocks/${name}`, `privacy/${name}.yaml`]) {
    if (existsSync(`${ROOT}${path}`)) throw new Error(`${path} already exists`);
  }
}

/** The next free ports after the registry's highest, and the last department with a legacy system. */
function nextPlacement(): DepartmentPlacement {
  const withLegacy = DEPARTMENTS.flatMap((entry) =>
    entry.legacyPort === null ? [] : [{ ...entry, legacyPort: entry.legacyPort }],
  );
  const previous = withLegacy.at(-1);
  if (!previous) throw new Error('registry/departments.ts has no department with a legacy system to follow');
  return {
    subgraphPort: Math.max(...DEPARTMENTS.map((entry) => entry.subgraphPort)) + 1,
    legacyPort: Math.max(...withLegacy.map((entry) => entry.legacyPort)) + 1,
    previous: { name: previous.name, subgraphPort: previous.subgraphPort, legacyPort: previous.legacyPort },
  };
}

main();
